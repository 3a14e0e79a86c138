/** Where vitest's V8 coverage report is, linked only when it stays inside the report folder. */
import { escapeHtml, relativeHref } from './escapeHtml.ts';

export function codeCoverageLink(path: string | null): string {
  if (path === null) return '';
  const href = relativeHref(path);
  const target = href === null ? `<code>${escapeHtml(path)}</code> (not linked: not a path inside the report folder)` : `<a href="${href}">${escapeHtml(path)}</a>`;
  return `<section id="code-coverage"><h2>Code coverage</h2><p>The code coverage that vitest's V8 provider wrote: ${target}.</p></section>`;
}
