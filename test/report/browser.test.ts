/**
 * A report opened in a real browser (headless Chromium): no console errors, no network request, a screenshot that is
 * not blank, a sample named <script>alert(1)</script> shown as text with nothing run, and "Print to PDF" giving A4
 * pages. Skipped, loudly, when Chromium is not installed (.ci/run installs it).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReport } from '../../src/output/report/page.js';
import { CHROMIUM_PATH, HAVE_CHROMIUM, launchChromium, type Chromium } from '../helpers/chromium.js';
import { fullModel, SCRIPT_NAME } from './fixtures.js';

/** Starting Chromium takes a second on an idle machine and much longer on a loaded CI runner. */
const BROWSER_TIMEOUT_MS = 90_000;

if (!HAVE_CHROMIUM) {
  console.warn(`\n!!! SKIPPED "report in a browser": no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium; .ci/run does it)\n`);
}

describe.skipIf(!HAVE_CHROMIUM)(`report in headless Chromium${HAVE_CHROMIUM ? '' : ' [SKIPPED: no /usr/bin/chromium]'}`, () => {
  let browser: Chromium;
  let url: string;
  beforeAll(async () => {
    browser = await launchChromium();
    const file = join(mkdtempSync(join(tmpdir(), 'poregrade-browser-')), 'report.html');
    writeFileSync(file, await renderReport(fullModel()));
    url = pathToFileURL(file).href;
  }, BROWSER_TIMEOUT_MS);
  afterAll(async () => browser?.close());

  it('loads with no console error, no request but the page itself, no dialog, and shows the script-tag name as text', async () => {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    const dialogs: string[] = [];
    page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
    page.on('pageerror', (e) => void errors.push(e.message));
    page.on('request', (r) => void requests.push(r.url()));
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(url, { waitUntil: 'load' });
    expect(errors).toEqual([]);
    expect(requests).toEqual([url]);
    expect(dialogs).toEqual([]);
    const title = page.locator('header .sub strong');
    expect(await title.textContent()).toBe(SCRIPT_NAME);
    expect(await title.isVisible()).toBe(true);
    expect(await page.locator('script, img, iframe').count()).toBe(0);
    expect(await page.locator('svg').count()).toBe(8);

    // Not blank: the first screen (header, verdicts, numbers) and the isotherm chart, as the browser painted them, have
    // many colours (text anti-aliasing, the plot's palette); an empty or unstyled page has one or two.
    const counter = await browser.context.newPage();
    const colours = async (png: Buffer): Promise<{ distinct: number; height: number }> =>
      // Source text: it runs in the browser, whose DOM types the project's Node-only tsconfig does not have.
      (await counter.evaluate(`(async () => {
        const image = new Image();
        image.src = 'data:image/png;base64,${png.toString('base64')}';
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.width;
        canvas.height = image.height;
        const ctx = canvas.getContext('2d');
        ctx.drawImage(image, 0, 0);
        const data = ctx.getImageData(0, 0, image.width, image.height).data;
        const seen = new Set();
        for (let i = 0; i < data.length; i += 4) seen.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
        return { distinct: seen.size, height: image.height };
      })()`)) as { distinct: number; height: number };
    const screen = await colours(await page.screenshot());
    expect(screen.distinct).toBeGreaterThan(50);
    const chart = await colours(await page.locator('figure').first().screenshot());
    expect(chart.distinct).toBeGreaterThan(50);
    expect(chart.height).toBeGreaterThan(200);
    await counter.close();
    await page.close();
  }, BROWSER_TIMEOUT_MS);

  it('prints to A4 pages, one section per page at least', async () => {
    const page = await browser.context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString('latin1');
    const pages = pdf.match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(7); // summary, isotherm, BET, BJH, particle sizes, claims, reproduce
    const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf);
    // A4 = 210 × 297 mm = 595.3 × 841.9 pt (Chromium rounds to whole CSS pixels: 594.96 × 841.92).
    expect(Math.abs(Number(box![1]) - 595.3)).toBeLessThan(1);
    expect(Math.abs(Number(box![2]) - 841.9)).toBeLessThan(1);
    await page.close();
  }, BROWSER_TIMEOUT_MS);
});
