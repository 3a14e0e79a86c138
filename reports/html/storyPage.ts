/**
 * One counterexample as a page of its own (`fabric-verify replay FILE --html`): the same
 * timeline and step list as in the campaign report, no scripts at all. The page is written
 * beside its counterexample file, so it links the file by its name.
 */
import { basename } from 'node:path';
import { contentSecurityPolicy } from './contentSecurityPolicy.ts';
import { html, rawHtml, render } from './markup.ts';
import { PAGE_STYLE } from './pageStyle.ts';
import { type Story, storySection } from './storySection.ts';
import { timelineLegend } from './timelineLegend.ts';

export function storyPage(story: Story): string {
  const name = story.counterexample.variant ? `${story.counterexample.propertyId} (${story.counterexample.variant})` : story.counterexample.propertyId;
  const page = html`<html lang="en">
    <head>
      <meta charset="utf-8" />
      <meta http-equiv="Content-Security-Policy" content=${contentSecurityPolicy([])} />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>${`fabric-verify · ${name}`}</title>
      ${rawHtml(PAGE_STYLE, 'style')}
    </head>
    <body><main>
      <header class="counterexample"><p class="kicker">fabric-verify counterexample</p><h1>${name}</h1><p class="muted">Replayed from ${story.file}, seed ${story.counterexample.seed}.</p></header>
      ${timelineLegend()}
      ${storySection(story, null, basename(story.file))}
    </main></body>
  </html>`;
  return `<!doctype html>\n${render(page)}\n`;
}
