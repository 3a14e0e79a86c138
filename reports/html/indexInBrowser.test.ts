/**
 * The report as a reader gets it: `index.html` opened from disk in headless
 * Chromium. Nothing may leave the file, nothing may log an error, the chart library must
 * really draw, and a hostile app name must stay text.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignFixture, storyWithAppNamed } from './campaignFixture.ts';
import { htmlReport } from './htmlReport.ts';

const CHROMIUM = '/usr/bin/chromium';
const INSTALL = 'apt-get update && apt-get install -y chromium';
const inCI = process.env.CI === 'true';
const present = existsSync(CHROMIUM);
const HOSTILE_APP = '<img src=x onerror="window.__pwned=1">';

if (!present && !inCI) console.log(`indexInBrowser.test.ts skipped: no ${CHROMIUM}. Install it with: ${INSTALL}`);

describe.skipIf(!present && !inCI)('index.html in headless Chromium', () => {
  let browser: Browser | null = null;
  // A folder of the test's own: the user's reports/out/ is never touched.
  const out = mkdtempSync(join(tmpdir(), 'fabric-verify-browser-'));
  const indexFile = join(out, 'index.html');

  beforeAll(async () => {
    if (!present) throw new Error(`${CHROMIUM} is missing on this CI machine; .ci/run should have installed it (${INSTALL})`);
    const { summary, stories } = campaignFixture();
    writeFileSync(indexFile, htmlReport(summary, stories.map((s, i) => (i === 0 ? storyWithAppNamed(s, HOSTILE_APP) : s))));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('renders offline, draws its charts, and runs nothing injected', async () => {
    const page = await browser!.newPage({ viewport: { width: 1360, height: 900 } });
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => errors.push(`page: ${error.message}`));
    page.on('request', (request) => requests.push(request.url()));

    await page.goto(`file://${indexFile}`, { waitUntil: 'load' });

    expect(await page.locator('table.catalog tbody tr').count()).toBeGreaterThan(0);
    expect(await page.locator('section.story svg.timeline').count()).toBeGreaterThan(0);
    expect(await page.locator('svg.timeline .violation-marker').count()).toBe(await page.locator('section.story').count());
    expect(await page.locator('#coverage table.coverage tbody tr').count()).toBeGreaterThan(0);

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

    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('svg.timeline title', { hasText: HOSTILE_APP }).count()).toBeGreaterThan(0);

    expect(requests.filter((url) => !url.startsWith('file:') && !url.startsWith('data:'))).toEqual([]);
    expect(errors).toEqual([]);

    await page.screenshot({ path: join(out, 'report.png'), fullPage: true });
  });
});
