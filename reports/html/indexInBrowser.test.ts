/**
 * The reports as a reader gets them, opened from disk in headless Chromium at 1280 px: a
 * campaign, a sweep, an exploration and a counterexample's own page, each written by the real
 * writers into a folder of the test's own. Nothing may leave the file, nothing may log an
 * error, nothing may overflow sideways, every link must resolve; the campaign leads with its
 * verdict and does not paint expected failures as failures; each timeline opens on the
 * moment the property broke; the chart library must really draw, and a hostile app name
 * must stay text. Screenshots land in the same folder (FV_SCREENSHOTS=DIR to keep them
 * elsewhere); their paths are printed.
 */
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { type Browser, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exploreCommand } from '../../cli/exploreCommand.ts';
import { sweepCommand } from '../../cli/sweepCommand.ts';
import { writeCampaignReports } from '../writeCampaignReports.ts';
import { campaignFixture, storyWithAppNamed } from './campaignFixture.ts';
import { htmlReport } from './htmlReport.ts';
import { storyPage } from './storyPage.ts';
import { policyComparisonPage } from './policyComparisonPage.ts';
import { comparePolicies } from '../../properties/policyComparison.ts';
import { incidentScenario } from '../../model/scenarios/incident20090313.ts';

const CHROMIUM = '/usr/bin/chromium';
const INSTALL = 'apt-get update && apt-get install -y chromium';
const inCI = process.env.CI === 'true';
const present = existsSync(CHROMIUM);
const HOSTILE_APP = '<img src=x onerror="window.__pwned=1">';
const VIEWPORT = { width: 1280, height: 900 };
const FAILS_RED = 'rgb(225, 87, 89)';

/** FV_BROWSER=0 skips the browser pages on a machine that has Chromium (never under CI=true). */
const optedOut = process.env['FV_BROWSER'] === '0' && !inCI;
if (!present && !inCI) console.log(`indexInBrowser.test.ts skipped: no ${CHROMIUM}. Install it with: ${INSTALL}`);
if (optedOut) console.log('indexInBrowser.test.ts skipped: FV_BROWSER=0');

interface Opened {
  readonly page: Page;
  readonly errors: string[];
  readonly requests: string[];
}

describe.skipIf((!present && !inCI) || optedOut)('the reports in headless Chromium', () => {
  let browser: Browser | null = null;
  // A folder of the test's own: the user's reports/out/ is never touched.
  const out = mkdtempSync(join(tmpdir(), 'fabric-verify-browser-'));
  const shots = process.env['FV_SCREENSHOTS'] || join(out, 'screenshots');
  const campaignIndex = join(out, 'campaign', 'index.html');
  const sweepIndex = join(out, 'sweep', 'index.html');
  const exploreIndex = join(out, 'explore', 'index.html');
  const hostileIndex = join(out, 'hostile', 'index.html');
  let storyFile = '';

  beforeAll(async () => {
    if (!present) throw new Error(`${CHROMIUM} is missing on this CI machine; .ci/run should have installed it (${INSTALL})`);
    const { summary, stories } = campaignFixture();
    // The code coverage the report links, as `npm run coverage` leaves it beside the report.
    mkdirSync(join(out, 'campaign', 'coverage'), { recursive: true });
    writeFileSync(join(out, 'campaign', 'coverage', 'index.html'), '<!doctype html><title>coverage</title>');
    writeCampaignReports(join(out, 'campaign'), summary, stories.map((s) => s.counterexample));
    mkdirSync(dirname(hostileIndex), { recursive: true });
    writeFileSync(hostileIndex, htmlReport(summary, stories.map((s, i) => (i === 0 ? storyWithAppNamed(s, HOSTILE_APP) : s))));
    // A counterexample's own page, as `replay --html` writes it: beside its file.
    const story = stories[0]!;
    storyFile = join(out, 'campaign', story.file.replace(/\.json$/, '.html'));
    writeFileSync(storyFile, storyPage({ ...story, file: join(out, 'campaign', story.file) }));
    const config = join(out, 'sweep.json');
    writeFileSync(config, JSON.stringify({ name: 'browser sweep', sweep: { properties: ['false-positive-churn-bounded', 'single-instance-never-down'], runs: 15, grid: { healing: ['serial', 'parallel'] } } }));
    await sweepCommand({ config, out: join(out, 'sweep'), workers: 2 });
    exploreCommand({ config: 'examples/small.json', faults: 1, property: ['single-instance-never-down', 'no-duplicate-running-instance'], out: join(out, 'explore') });
    mkdirSync(shots, { recursive: true });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function open(file: string): Promise<Opened> {
    const page = await browser!.newPage({ viewport: VIEWPORT });
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => errors.push(`page: ${error.message}`));
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(`file://${file}`, { waitUntil: 'load' });
    return { page, errors, requests };
  }

  /** What every page owes its reader: no error, no request out, no sideways scroll, no cut table, no dead link. */
  async function expectSound({ page, errors, requests }: Opened, file: string): Promise<void> {
    expect(errors).toEqual([]);
    expect(requests.filter((url) => !url.startsWith('file:') && !url.startsWith('data:'))).toEqual([]);
    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      cut: [...document.querySelectorAll<HTMLElement>('.scroll')].filter((box) => box.scrollWidth > box.clientWidth + 1).map((box) => box.parentElement?.id ?? '?'),
    }));
    expect(widths.page, 'page width at 1280 px').toBeLessThanOrEqual(VIEWPORT.width);
    expect(widths.cut, 'tables cut at 1280 px').toEqual([]);
    const links = await page.evaluate(() => [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')!));
    expect(links.length).toBeGreaterThan(0);
    for (const href of links) {
      if (href.startsWith('#')) expect(await page.locator(`[id="${href.slice(1)}"]`).count(), `in-page link ${href}`).toBe(1);
      else expect(existsSync(join(dirname(file), decodeURIComponent(href))), `link ${href} from ${file}`).toBe(true);
    }
  }

  async function screenshot(page: Page, name: string): Promise<string> {
    const path = join(shots, name);
    await page.screenshot({ path, fullPage: true });
    console.log(`screenshot: ${path}`);
    return path;
  }

  /** The break's marker of the story's shown view is on screen once the story is scrolled to. */
  async function expectBreakInView(page: Page, story: string): Promise<void> {
    const figure = page.locator(`${story} figure.view:visible`);
    expect(await figure.count()).toBe(1);
    const marker = figure.locator('.violation-marker .break-band');
    await marker.scrollIntoViewIfNeeded();
    const box = await marker.boundingBox();
    expect(box, 'the break is drawn').not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(VIEWPORT.width);
    expect(box!.width).toBeGreaterThan(2);
  }

  it('campaign: leads with the verdict, expected failures not styled as failures, every timeline opens on its break', async () => {
    const opened = await open(campaignIndex);
    const { page } = opened;
    await expectSound(opened, campaignIndex);

    // The headline comes first, and counts what differs from its expectation.
    const differing = await page.locator('table.catalog tr.property.differs').count();
    const headline = await page.locator('header .overall').innerText();
    expect(headline).toContain(differing === 0 ? 'as expected' : `${differing} of`);
    const headerBottom = (await page.locator('header').boundingBox())!.y + (await page.locator('header').boundingBox())!.height;
    expect((await page.locator('#catalog').boundingBox())!.y).toBeGreaterThanOrEqual(headerBottom);
    expect(await page.locator('header .act-on li').count()).toBe(differing);

    // An expected failure found is not painted in the failure red; an unexpected outcome is set apart from it.
    const found = page.locator('table.catalog tr.expected-failure .outcome');
    expect(await found.count()).toBeGreaterThan(0);
    for (const colour of await found.evaluateAll((els) => els.map((e) => getComputedStyle(e).backgroundColor))) expect(colour).not.toBe(FAILS_RED);
    const foundColour = await found.first().evaluate((e) => getComputedStyle(e).backgroundColor);
    for (const colour of await page.locator('table.catalog tr.differs .outcome').evaluateAll((els) => els.map((e) => getComputedStyle(e).backgroundColor))) expect(colour).not.toBe(foundColour);

    // The filter narrows the catalog to what needs attention, without a script.
    const rows = await page.locator('table.catalog tr.property').count();
    await page.locator('label[for="filter-unexpected"]').click();
    expect(await page.locator('table.catalog tr.property:visible').count()).toBe(differing);
    await page.locator('label[for="filter-all"]').click();
    expect(await page.locator('table.catalog tr.property:visible').count()).toBe(rows);

    // Every story opens zoomed on its break; the whole run is one click away and marks it too.
    const stories = await page.locator('section.story').evaluateAll((els) => els.map((e) => e.id));
    expect(stories.length).toBeGreaterThan(0);
    for (const id of stories) await expectBreakInView(page, `#${id}`);
    const first = `#${stories[0]}`;
    const views = await page.locator(`${first} .views > label`).count();
    if (views > 1) {
      expect(await page.locator(`${first} figure.view:visible`).getAttribute('data-view')).toBe('around the break');
      await page.locator(`${first} .views > label`).last().click();
      expect(await page.locator(`${first} figure.view:visible`).getAttribute('data-view')).toBe('whole run');
      await expectBreakInView(page, first);
      await page.locator(`${first} .views > label`).first().click();
    }

    // The first recovery histogram and the first downtime histogram: a chart exists and has ink.
    for (const selector of ['canvas.recovery-chart', 'canvas.downtime-chart']) {
      const drawn = await page.evaluate((query) => {
        const canvas = document.querySelector<HTMLCanvasElement>(query);
        if (!canvas) return { chart: false, inked: 0 };
        const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
        let inked = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) inked++;
        const chart = (window as unknown as { Chart?: { getChart(c: HTMLCanvasElement): unknown } }).Chart?.getChart(canvas);
        return { chart: chart !== undefined, inked };
      }, selector);
      expect(drawn.chart, selector).toBe(true);
      expect(drawn.inked, selector).toBeGreaterThan(1000);
    }

    await screenshot(page, 'campaign.png');
    await page.locator(first).screenshot({ path: join(shots, 'counterexample-timeline.png') });
    console.log(`screenshot: ${join(shots, 'counterexample-timeline.png')}`);
  });

  it('campaign: a hostile app name stays text and runs nothing', async () => {
    const { page, errors } = await open(hostileIndex);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('svg.timeline title', { hasText: HOSTILE_APP }).count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  it('sweep: the heat map comes first, one cell per point and property, every failing cell linked to its counterexample file, which exists', async () => {
    const opened = await open(sweepIndex);
    const { page } = opened;
    await expectSound(opened, sweepIndex);
    const sections = await page.locator('main > section').evaluateAll((els) => els.map((e) => e.id));
    expect(sections[0]).toBe('sweep');
    expect(await page.locator('#catalog').count()).toBe(0);
    expect(await page.locator('header .overall').innerText()).toMatch(/^2 grid points × 2 properties: \d+ cells? holds?, \d+ cells? fails?/);
    expect(await page.locator('#sweep td.heat').count()).toBe(4);
    expect(await page.locator('#sweep td.heat.fails').count()).toBeGreaterThan(0);
    // The same-run downtime beside each point, and its section.
    expect(await page.locator('#sweep td.down-share').count()).toBeGreaterThan(0);
    expect(await page.locator('#downtime').count()).toBe(1);
    // The sweep writes every failing cell's counterexample: each has its link, each link a file (expectSound resolves them all).
    const failing = await page.locator('#sweep td.heat.fails').count();
    const hrefs = await page.locator('#sweep td.heat.fails a').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
    expect(hrefs).toHaveLength(failing);
    for (const href of hrefs) {
      expect(href).toMatch(/^counterexamples\/sweep\/[a-z0-9-]+\.json$/);
      expect(existsSync(join(dirname(sweepIndex), decodeURIComponent(href))), href).toBe(true);
    }
    console.log(`sweep: ${hrefs.length} of ${failing} failing cells linked to a counterexample file`);
    await screenshot(page, 'sweep.png');
  });

  it('explore: the bound instead of a seed, the searches, and each shortest counterexample opening on its break', async () => {
    const opened = await open(exploreIndex);
    const { page } = opened;
    await expectSound(opened, exploreIndex);
    expect(await page.locator('header .kicker').innerText()).toMatch(/exploration/i);
    expect(await page.locator('header .facts').innerText()).not.toContain('seed');
    expect(await page.locator('#exploration table.searches tbody tr').count()).toBeGreaterThan(0);
    expect(await page.locator('section.story .replay').first().innerText()).toContain('exhaustive exploration');
    for (const id of await page.locator('section.story').evaluateAll((els) => els.map((e) => e.id))) await expectBreakInView(page, `#${id}`);
    // The duplicate a server brings back with fencing off is drawn, not left to the words.
    expect(await page.locator('#story-no-duplicate-running-instance--fencing-off figure.view:visible rect.surplus').count()).toBe(1);
    await screenshot(page, 'explore.png');
  });

  it('policy comparison: one chart line per policy on each chart, drawn, nothing sideways', async () => {
    const file = join(out, 'compare', 'policies.html');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, policyComparisonPage(comparePolicies((healing) => incidentScenario(healing), ['serial', 'parallel', 'adaptive'])));
    const { page, errors, requests } = await open(file);
    expect(errors).toEqual([]);
    expect(requests.filter((url) => !url.startsWith('file:') && !url.startsWith('data:'))).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(VIEWPORT.width);
    expect(await page.locator('table.comparison thead th').allInnerTexts()).toEqual(['', 'serial', 'parallel', 'adaptive']);
    for (const id of ['apps-down-chart', 'apps-short-chart']) {
      const drawn = await page.evaluate((canvasId) => {
        const canvas = document.getElementById(canvasId) as HTMLCanvasElement;
        const chart = (window as unknown as { Chart: { getChart(c: HTMLCanvasElement): { data: { datasets: { label: string }[] } } | undefined } }).Chart.getChart(canvas);
        const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
        let inked = 0;
        for (let i = 3; i < pixels.length; i += 4) if (pixels[i]! > 0) inked++;
        return { labels: chart?.data.datasets.map((d) => d.label) ?? [], inked };
      }, id);
      expect(drawn.labels, id).toEqual(['serial', 'parallel', 'adaptive']);
      expect(drawn.inked, `${id} has ink`).toBeGreaterThan(1000);
    }
    expect(await page.locator('main').innerText()).toContain("adaptive's curve is the same as parallel's");
    await screenshot(page, 'compare.png');
  });

  it('story page: the counterexample alone, its file linked beside it, the break in view', async () => {
    const opened = await open(storyFile);
    const { page } = opened;
    await expectSound(opened, storyFile);
    expect(await page.locator('section.story svg.timeline').count()).toBeGreaterThan(0);
    await expectBreakInView(page, 'section.story');
    await screenshot(page, 'story.png');
  });
});
