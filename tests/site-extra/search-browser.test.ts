/**
 * The search page in Debian's Chromium (driven by playwright-core, which never downloads a browser):
 * Pagefind's UI under the page's Content-Security-Policy, served under a subpath, with and without a
 * Web Worker, and its fallback to the A–Z indexes from file://.
 */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRealSite, serveStatic, type BuiltSite, type StaticServer } from '../helpers/site.ts';

const CHROMIUM = '/usr/bin/chromium';
const inCI = Boolean(process.env['CI']);
const haveChromium = existsSync(CHROMIUM);

describe.skipIf(!haveChromium && !inCI)('the search page in Chromium', () => {
  let site: BuiltSite;
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    site = await buildRealSite();
    server = await serveStatic(site.dir, '/archive/');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'], headless: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await site?.cleanup();
  });

  /** Open the search page (of the site at `at`, by default the one built here) in a fresh context; `worker: false` takes Pagefind's main-thread path. */
  async function openSearch(options: { worker: boolean; at?: string }): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    if (!options.worker) await page.addInitScript(() => Reflect.deleteProperty(window, 'Worker'));
    await page.goto(`${options.at ?? server.url}search/index.html`);
    return { page, errors };
  }

  const alliance = (): string => site.archive.articles.find((a) => a.headline.includes('Alliance'))!.url;

  it('should search every shard of an index split in several, as one (one article per shard here)', async () => {
    const sharded = await buildRealSite(undefined, { shardSize: 1 });
    const at = await serveStatic(sharded.dir, '/sharded/');
    try {
      const { page, errors } = await openSearch({ worker: true, at: at.url });
      const box = page.getByRole('textbox', { name: 'Search the articles' });
      // A word of every article: one result from each shard.
      await box.fill('police');
      await expect.poll(() => page.textContent('#search-status')).toBe(`${sharded.archive.articles.length} results for police`);
      const links = await page.locator('.pagefind-ui__result-link').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
      // Each result's own link, not its sub-results' (`…#p3`).
      expect(links.filter((l) => !l.includes('#')).sort()).toEqual(sharded.archive.articles.map((a) => `${at.url}${a.url}index.html`).sort());
      await box.fill('Vanhemelryck');
      await expect.poll(() => page.textContent('#search-status')).toBe('1 result for Vanhemelryck');
      expect(errors).toEqual([]);
      await page.context().close();
    } finally {
      await at.close();
      await sharded.cleanup();
    }
  });

  for (const worker of [true, false]) {
    it(`should find the Alliance article for "Vanhemelryck" and announce the count (${worker ? 'in a Worker' : 'on the main thread'})`, async () => {
      const { page, errors } = await openSearch({ worker });
      await page.getByRole('textbox', { name: 'Search the articles' }).fill('Vanhemelryck');
      await expect.poll(() => page.textContent('#search-status')).toBe('1 result for Vanhemelryck');
      const links = await page.locator('.pagefind-ui__result-link').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
      expect(links[0]).toBe(`${server.url}${alliance()}index.html`);
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }

  it('should start with the search given in ?q= and filter by organization', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}search/index.html?q=police`);
    await expect.poll(() => page.locator('.pagefind-ui__result-link').count()).toBeGreaterThan(0);
    await page.getByText('Organization', { exact: true }).click();
    await page.getByLabel(/^Unsa Police/).check();
    const expected = site.archive.articles.filter((a) => a.organizations.some((id) => id === 'unsa-police')).map((a) => `${server.url}${a.url}index.html`).sort();
    await expect
      .poll(async () => (await page.locator('.pagefind-ui__result-link').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href.replace(/#.*$/, '')))).filter((h, i, all) => all.indexOf(h) === i).sort())
      .toEqual(expected);
    await context.close();
  });

  it('should keep the A–Z indexes and say why when opened from file://', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(pathToFileURL(path.join(site.dir, 'search', 'index.html')).href);
    await expect.poll(() => page.textContent('#search-note')).toContain('served over HTTP');
    expect(await page.isVisible('#search')).toBe(false);
    expect(await page.isVisible('#search-fallback a[href="../people/index.html"]')).toBe(true);
    await context.close();
  });
});
