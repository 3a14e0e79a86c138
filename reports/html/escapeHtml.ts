/**
 * Every string that came from a scenario, a config or a property (app, role and server ids,
 * statements, fault ids) passes through here before it reaches the page.
 */

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe in element content and in a double- or single-quoted attribute. */
export function escapeHtml(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/**
 * JSON safe inside a `<script>` element: no `<` (so neither `</script>` nor `<!--` can end or
 * bend the element), and no line separators that older parsers read as line ends.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * A link target that stays inside the report folder: a relative path, never a scheme
 * (`https:`, `javascript:`) nor a protocol-relative `//host`, each segment URL-encoded. Null
 * when the path is not one. For the template layer, which escapes attributes itself.
 */
export function relativeUrl(path: string): string | null {
  if (/^\s*[a-z][a-z0-9+.-]*:/i.test(path) || /^\s*[\\/]{2}/.test(path) || path.trim() === '') return null;
  return path.split('/').map(encodeURIComponent).join('/');
}

/** `relativeUrl`, escaped for an attribute of string-built markup. */
export function relativeHref(path: string): string | null {
  const url = relativeUrl(path);
  return url === null ? null : escapeHtml(url);
}
