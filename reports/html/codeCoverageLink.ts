/** Where vitest's V8 coverage report is, linked only when it stays inside the report folder. */
import { relativeUrl } from './escapeHtml.ts';
import { html } from './markup.ts';

export function codeCoverageLink(path: string | null) {
  if (path === null) return null;
  const href = relativeUrl(path);
  const target = href === null ? html`<code>${path}</code> (not linked: not a path inside the report folder)` : html`<a href=${href}>${path}</a>`;
  return html`<section id="code-coverage"><h2>Code coverage</h2><p>The code coverage that vitest's V8 provider wrote: ${target}.</p></section>`;
}
