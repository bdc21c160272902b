/**
 * The timeline page in Debian's Chromium (never a downloaded browser), driven by
 * playwright-core against a real server on a real SQLite store holding the bundled
 * Ault Alliance history: figures read off the page at two dates, a correction made
 * through the API and seen after a reload, and "known at" showing the figure from
 * before it. Screenshots go to test/artifacts/ (not committed); UPDATE_SCREENSHOT=1
 * also refreshes docs/timeline.png, the README's picture.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/http/server.js';

const CHROMIUM = '/usr/bin/chromium';
const ISSUER = '09175M507';
// Ault & Company's purchase of 88 shares on 2020-01-15 (Amendment No. 8, Item 6), the sample's stable id.
const PURCHASE_2020 = 'b0b1fabb-445a-5f9c-a307-149a1fc311e6';
const TOKEN = 'browser-test-write-token-0123456789';
const ROOT = resolve(import.meta.dirname, '../..');
const ARTIFACTS = join(ROOT, 'test/artifacts');

const onCi = process.env.CI !== undefined && !/^(|0|false)$/i.test(process.env.CI);
const missing = existsSync(CHROMIUM) ? undefined : `${CHROMIUM} does not exist (apt-get install -y chromium)`;
if (missing !== undefined) {
  if (onCi) throw new Error(`The browser tests need Debian's Chromium on CI: ${missing}`);
  console.warn(`browser tests skipped: ${missing}`);
}

interface LedgerServer {
  server: RunningServer;
  /** The store's clock: what the next event is recorded at. */
  clock: { now: Date };
  stop(): Promise<void>;
}

/** A server on a SQLite file of its own, the sample loaded, writes enabled with TOKEN, on a clock the test sets. */
async function ledgerServer(): Promise<LedgerServer> {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-browser-'));
  const clock = { now: new Date('2024-08-01T12:00:00.000Z') };
  const server = await startServer({
    storeUrl: `sqlite:${join(dir, 'ledger.db')}`,
    port: 0,
    tokens: { write: TOKEN, read: null },
    loadSampleIfEmpty: true,
    log: () => {},
    now: () => clock.now,
  });
  return {
    server,
    clock,
    async stop() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// A browser on a busy two-core machine takes seconds per page: more time than the default 20 s per test.
describe.skipIf(missing !== undefined)('the timeline page', { timeout: 60_000 }, () => {
  let browser: Browser;
  const pageErrors: string[] = [];
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
  });
  afterAll(async () => {
    await browser?.close();
    // No test saw the page's scripts throw.
    expect(pageErrors).toEqual([]);
  });

  async function open(url: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(url);
    return page;
  }

  /** Waits until the holdings table shows `date` as known at `known` (the caption is written with the rows). */
  const holdingsShown = (page: Page, date: string, known = 'as known now') =>
    page.locator('#holdings caption', { hasText: `Holdings on ${date}, ${known}` }).waitFor();
  const figure = (page: Page, person: string, field: string) =>
    page.locator(`#holdings tr[data-person="${person}"] [data-field="${field}"]`).innerText();
  const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });

  describe('on the bundled Ault Alliance history', () => {
    let ledger: LedgerServer;
    beforeAll(async () => {
      ledger = await ledgerServer();
    });
    afterAll(async () => {
      await ledger?.stop();
    });

    it('picks the only issuer and draws both charts, with every filing and transaction listed and the crossings', async () => {
      // Given the page, with one issuer in the ledger
      const page = await open(ledger.server.url);
      // Then it is picked, and the charts and the views of the latest date are drawn
      await holdingsShown(page, '2024-07-24');
      expect(await page.locator('#issuer').inputValue()).toBe(ISSUER);
      expect(await page.locator('#issuer option:checked').innerText()).toBe('Ault Alliance, Inc. (09175M507)');
      expect(await page.locator('#chart-shares canvas').count()).toBe(1);
      expect(await page.locator('#chart-percent canvas').count()).toBe(1);
      expect(await page.locator('#chart-percent .u-legend').innerText()).toContain('5% of the class');
      expect(await page.locator('#chart-shares .u-legend').innerText()).toContain('Ault & Company, Inc.');
      // 9 filings and 18 transactions, each a marker on the charts and a row here
      expect(await page.locator('#markers-summary').innerText()).toBe('Filings and transactions (27), as known now');
      expect(await page.locator('#markers tbody tr').count()).toBe(27);
      await page.locator('#markers-summary').click();
      expect(await page.locator('#markers tbody tr').first().innerText()).toMatch(
        /^2020-01-15\ttransaction\tpurchase\tAult & Company, Inc\.\t88$/,
      );
      await page.locator('#crossings-summary', { hasText: 'Crossings of 5% and 10% of the class (4)' }).click();
      expect(await page.locator('#crossings').innerText()).toContain(
        'Ault & Company, Inc. crossed 5% of the class upward on 2024-07-23 (unknown to 85.72%, reported)',
      );
      expect(await page.locator('#findings caption').innerText()).toMatch(
        /^7 findings; \d+ checks hold; as known now$/,
      );
      await shot(page, 'timeline-opened');
      await page.close();
    });

    it("reads Ault & Company's 214,940,800 shares and 85.72% of the class on 2024-07-23, with the basis and flags of each figure", async () => {
      // Given the page
      const page = await open(ledger.server.url);
      await holdingsShown(page, '2024-07-24');
      // When the date is set to 2024-07-23
      await page.locator('#date').fill('2024-07-23');
      await holdingsShown(page, '2024-07-23');
      // Then the holdings table shows the cover page's figures, reported, and the differences Item 5 leaves unexplained
      expect(await figure(page, 'ault-and-company', 'aggregate')).toBe('214,940,800');
      expect(await figure(page, 'ault-and-company', 'percentOfClass')).toBe('85.72%');
      expect(await figure(page, 'ault-and-company', 'basis')).toBe('reported');
      expect(await figure(page, 'ault-and-company', 'flags')).toBe('⚠ 3 unexplained differences');
      expect(await figure(page, 'kenneth-s-cragun', 'percentOfClass')).toBe('<0.01%');
      expect(await page.locator('#unexplained tbody tr').count()).toBe(6);
      expect(await page.locator('#date-slider').getAttribute('aria-valuetext')).toBe('2024-07-23');
      expect(new URL(page.url()).searchParams.get('asOf')).toBe('2024-07-23');
      // and the group's five members
      await page.locator('#groups caption', { hasText: 'Group members on 2024-07-23' }).waitFor();
      expect(await page.locator('#groups tbody tr').count()).toBe(5);
      await shot(page, 'timeline-2024-07-23');
      if (process.env.UPDATE_SCREENSHOT === '1') {
        await page.locator('#date').blur();
        saveReadmeScreenshot(await page.screenshot());
      }
      await page.close();
    });

    it('shows the figures of 2024-03-10 when the slider moves there', async () => {
      // Given the page at 2024-07-23
      const page = await open(`${ledger.server.url}?asOf=2024-07-23`);
      await holdingsShown(page, '2024-07-23');
      // When the slider moves 135 days back
      const slider = page.locator('#date-slider');
      await slider.fill(String(Number(await slider.inputValue()) - 135));
      // Then the date shows 2024-03-10 and the table the figures then: 179 shares from transactions alone, no percent
      // known
      expect(await slider.getAttribute('aria-valuetext')).toBe('2024-03-10');
      expect(await page.locator('#date').inputValue()).toBe('2024-03-10');
      await holdingsShown(page, '2024-03-10');
      expect(await figure(page, 'ault-and-company', 'aggregate')).toBe('179');
      expect(await figure(page, 'ault-and-company', 'percentOfClass')).toBe('unknown');
      expect(await figure(page, 'ault-and-company', 'basis')).toBe('transactions');
      expect(await page.locator('#holdings tbody tr').count()).toBe(1);
      expect(await page.locator('#notes').innerText()).toContain(
        'percent of class unknown: shares outstanding are not known on or before 2024-03-10',
      );
      await page.locator('#groups caption', { hasText: 'Group members on 2024-03-10' }).waitFor();
      expect(await page.locator('#groups tbody').innerText()).toBe('No group at this date.');
      await shot(page, 'timeline-2024-03-10');
      await page.close();
    });

    it("shows the problem's detail when the API refuses a request", async () => {
      // Given a link with a date that does not exist
      const page = await open(`${ledger.server.url}?asOf=2024-02-30`);
      // Then the page says what the API said was wrong
      await page.locator('#problem', { hasText: 'asOf: not a calendar date in the form YYYY-MM-DD' }).waitFor();
      expect(await page.locator('#problem').getAttribute('role')).toBe('alert');
      // When a real date is chosen, the problem goes
      await page.locator('#date').fill('2024-07-23');
      await holdingsShown(page, '2024-07-23');
      await page.locator('#problem').waitFor({ state: 'hidden' });
      await page.close();
    });
  });

  describe('after a correction made through the API', () => {
    let ledger: LedgerServer;
    beforeAll(async () => {
      ledger = await ledgerServer();
    });
    afterAll(async () => {
      await ledger?.stop();
    });

    it('shows the corrected figure after a reload, and the figure from before the correction when known at is set before it', async () => {
      // Given the page at 2024-03-10: 88 + 91 shares from transactions
      const page = await open(`${ledger.server.url}?asOf=2024-03-10`);
      await holdingsShown(page, '2024-03-10');
      expect(await figure(page, 'ault-and-company', 'aggregate')).toBe('179');

      // When an analyst corrects the 2020-01-15 purchase from 88 to 90 shares, on 2024-09-01
      ledger.clock.now = new Date('2024-09-01T12:00:00.000Z');
      const response = await fetch(new URL(`/api/events/${PURCHASE_2020}/corrections`, ledger.server.url), {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ set: { shares: 90 }, reason: 'Item 6 says 90 shares', issuer: ISSUER }),
      });
      expect(response.status).toBe(201);

      // Then after a reload the page shows 181
      await page.reload();
      await holdingsShown(page, '2024-03-10');
      expect(await figure(page, 'ault-and-company', 'aggregate')).toBe('181');
      await shot(page, 'corrected-now');

      // When "known at" is set to just before the correction
      const before = page.locator('#known-at option', { hasText: 'Item 6 says 90 shares' });
      expect(await before.innerText()).toBe(
        'before the correction of SharesPurchased of 2020-01-15 (shares: 90), recorded 2024-09-01T12:00:00.000Z: Item 6 says 90 shares',
      );
      await page.locator('#known-at').selectOption((await before.getAttribute('value'))!);
      // Then the table, the charts' markers and the URL are as the ledger believed then: 179
      await holdingsShown(page, '2024-03-10', 'as known at 2024-09-01 11:59:59.999 UTC');
      expect(await figure(page, 'ault-and-company', 'aggregate')).toBe('179');
      await page.locator('#markers-summary', { hasText: 'as known at 2024-09-01 11:59:59.999 UTC' }).click();
      expect(await page.locator('#markers tbody tr').first().innerText()).toMatch(/\t88$/);
      expect(new URL(page.url()).searchParams.get('knownAt')).toBe('2024-09-01T11:59:59.999Z');
      await shot(page, 'corrected-known-before');

      // When a date and time after the correction is typed instead, the corrected figure is back
      await page.locator('#known-at-custom').fill('2024-09-02T00:00:00');
      await holdingsShown(page, '2024-03-10', 'as known at 2024-09-02 00:00:00.000 UTC');
      expect(await page.locator('#known-at').inputValue()).toBe('custom');
      expect(await figure(page, 'ault-and-company', 'aggregate')).toBe('181');
      // and one before it (but after the sample was recorded) shows the old one again
      await page.locator('#known-at-custom').fill('2024-08-15T00:00:00');
      await holdingsShown(page, '2024-03-10', 'as known at 2024-08-15 00:00:00.000 UTC');
      expect(await figure(page, 'ault-and-company', 'aggregate')).toBe('179');

      // When "now" is chosen again
      await page.locator('#known-at').selectOption('');
      await holdingsShown(page, '2024-03-10');
      expect(await figure(page, 'ault-and-company', 'aggregate')).toBe('181');
      await page.close();
    });
  });
});

/**
 * docs/timeline.png, the README's picture: the viewport at 2024-07-23, its palette reduced with
 * pngquant when that is installed (about 40 KB instead of 120 KB); else as Chromium wrote it.
 */
function saveReadmeScreenshot(png: Buffer): void {
  const target = join(ROOT, 'docs/timeline.png');
  const raw = join(ARTIFACTS, 'readme-raw.png');
  mkdirSync(join(ROOT, 'docs'), { recursive: true });
  writeFileSync(raw, png);
  try {
    execFileSync('pngquant', ['--quality=70-95', '--speed=1', '--strip', '--force', '--output', target, raw]);
  } catch (error) {
    console.warn(
      `docs/timeline.png saved without pngquant (${(error as Error).message.split('\n')[0]}): apt-get install -y pngquant makes it about a third the size`,
    );
    renameSync(raw, target);
  }
  console.info(`docs/timeline.png refreshed: ${statSync(target).size} bytes`);
}
