/**
 * The report's template layer: htm's tagged templates over Preact, rendered to a string by
 * preact-render-to-string. Every interpolated text and attribute is escaped by the renderer,
 * so a component cannot forget to; what is already markup (the older string-built parts, an
 * inline script) goes in only through `rawHtml`, by name. Nothing of it reaches the page: the
 * components run when the report is written, and the page stays one self-contained file.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { renderToStaticMarkup } from 'preact-render-to-string';

export { html };
export type Markup = VNode | VNode[] | string | null;

/** A component tree as HTML text. */
export function render(node: Markup): string {
  if (node === null) return '';
  if (typeof node === 'string') return node;
  return Array.isArray(node) ? node.map((n) => renderToStaticMarkup(n)).join('') : renderToStaticMarkup(node);
}

/** Markup built elsewhere (already escaped), placed as it is inside a `tag` element. */
export function rawHtml(markup: string, tag = 'div', attributes: Record<string, string> = {}): VNode {
  return html`<${tag} ...${attributes} dangerouslySetInnerHTML=${{ __html: markup }} />` as VNode;
}
