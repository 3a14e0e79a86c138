/**
 * One counterexample as a page of its own (`fabric-verify replay FILE --html`): the same
 * timeline and step list as in the campaign report, no scripts at all. The page is written
 * beside its counterexample file, so it links the file by its name.
 */
import { basename } from 'node:path';
import { contentSecurityPolicyMeta } from './contentSecurityPolicy.ts';
import { escapeHtml } from './escapeHtml.ts';
import { PAGE_STYLE } from './pageStyle.ts';
import { type Story, storySection } from './storySection.ts';
import { timelineLegend } from './timelineLegend.ts';

export function storyPage(story: Story): string {
  const name = story.counterexample.variant ? `${story.counterexample.propertyId} (${story.counterexample.variant})` : story.counterexample.propertyId;
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    contentSecurityPolicyMeta([]),
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(`fabric-verify · ${name}`)}</title>`,
    `<style>${PAGE_STYLE}</style>`,
    '</head>',
    '<body><main>',
    `<header><h1>${escapeHtml(name)}</h1><p class="muted">Replayed from ${escapeHtml(story.file)}, seed ${escapeHtml(story.counterexample.seed)}.</p></header>`,
    timelineLegend(),
    storySection(story, null, basename(story.file)),
    '</main></body>',
    '</html>',
    '',
  ].join('\n');
}
