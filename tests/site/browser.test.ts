/**
 * The built site in a real browser: Debian's Chromium at /usr/bin/chromium, driven by playwright-core
 * (which never downloads a browser of its own).
 *
 * - a reader's walk home → article → person → their organization → another article, with the site
 *   served at `/`, under `/archive/`, and opened from file://;
 * - the same navigation with JavaScript disabled;
 * - axe-core on every page type, asserting zero violations;
 * - a full-page screenshot of every page type into docs/screenshots/, refreshed on every run.
 *
 * No test waits for a time or asserts on one: Playwright's auto-waiting does the waiting.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, buildRealSite, readArchiveJson, serveStatic, type ArchiveJson, type BuiltSite, type StaticServer } from '../helpers/site.ts';

const CHROMIUM = '/usr/bin/chromium';
const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];
const SCREENSHOTS = path.join(REPO_ROOT, 'docs', 'screenshots');
const CONTEXT: BrowserContextOptions = { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, reducedMotion: 'reduce', colorScheme: 'light' };

const haveChromium = existsSync(CHROMIUM);
const inCI = Boolean(process.env['CI']);
if (!haveChromium && !inCI) {
  console.warn(`browser tests skipped: no Chromium at ${CHROMIUM} (install it with \`apt-get install chromium\`; in CI, where CI is set, these tests run and fail without it)`);
}

/** The reader's walk, chosen from data/archive.json. */
interface Walk {
  readonly article: ArchiveJson['articles'][number];
  readonly person: ArchiveJson['people'][number];
  readonly role: ArchiveJson['people'][number]['roles'][number];
  readonly organization: ArchiveJson['organizations'][number];
  readonly other: ArchiveJson['articles'][number];
}

/**
 * An article on the home page, a person named in it, an organization that person has a role in
 * (a union when there is one), and another article that organization's page lists.
 */
function chooseWalk(json: ArchiveJson): Walk {
  const walks: Walk[] = [];
  for (const article of json.articles) {
    for (const personId of article.people) {
      const person = json.people.find((p) => p.id === personId);
      for (const role of person?.roles ?? []) {
        const organization = json.organizations.find((o) => o.id === role.organization);
        const otherId = organization?.articles.find((id) => id !== article.id);
        const other = json.articles.find((a) => a.id === otherId);
        if (person && organization && other) walks.push({ article, person, role, organization, other });
      }
    }
  }
  const isUnion = (w: Walk): boolean => /\bunion\b|syndica/i.test(`${w.organization.name} ${w.organization.description ?? ''}`);
  const walk = walks.find(isUnion) ?? walks[0];
  if (!walk) {
    throw new Error('the archive has no article → person → organization (via a role) → other article path to walk: add content that makes one');
  }
  return walk;
}

/** A regular expression matching a URL that ends in `relative` (a site-relative page path). */
function endsWith(relative: string): RegExp {
  return new RegExp(`/${relative.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}

/** What went wrong while loading pages: failed requests, HTTP errors, console errors (CSP), page errors. */
function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} (${r.failure()?.errorText ?? 'unknown'})`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  page.on('console', (m) => {
    // Chromium asks for /favicon.ico by itself when a page names no icon: that is no link of the site.
    if (m.type() === 'error' && !/\/favicon\.ico$/.test(m.location().url)) {
      problems.push(`console error on ${page.url()}: ${m.text()}${m.location().url ? ` (${m.location().url})` : ''}`);
    }
  });
  page.on('pageerror', (e) => problems.push(`page error on ${page.url()}: ${e.message}`));
  return problems;
}

async function h1(page: Page): Promise<string> {
  return ((await page.locator('h1').first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/** Click `link` and wait until the page at `target` (a site-relative path, or a whole URL) has loaded. */
async function follow(page: Page, link: ReturnType<Page['locator']>, target: string | URL): Promise<void> {
  await Promise.all([page.waitForURL(typeof target === 'string' ? endsWith(target) : target.href), link.click()]);
}

/** Walk from the home page at `home` and assert the heading of every page on the way. */
async function walkFrom(page: Page, home: string, walk: Walk, siteName: string): Promise<void> {
  await page.goto(home);
  expect(await h1(page)).toBe(siteName);

  const articlePage = `${walk.article.url}index.html`;
  await follow(page, page.locator(`main a[href$="${articlePage}"]`).first(), articlePage);
  expect(await h1(page)).toBe(walk.article.headline);

  // The person: a mention in the article's body, or the aside's list of people.
  const personPage = `${walk.person.url}index.html`;
  await follow(page, page.locator(`main a[href$="${personPage}"]`).first(), personPage);
  expect(await h1(page)).toBe(walk.person.name);

  // The organization through the role: a list item that names the role and links the organization.
  const orgPage = `${walk.organization.url}index.html`;
  const roleLink = page.locator('main li', { hasText: walk.role.title }).locator(`a[href$="${orgPage}"]`).first();
  await follow(page, roleLink, orgPage);
  expect(await h1(page)).toBe(walk.organization.name);

  const otherPage = `${walk.other.url}index.html`;
  await follow(page, page.locator(`main a[href$="${otherPage}"]`).first(), otherPage);
  expect(await h1(page)).toBe(walk.other.headline);
}

/** Each page type: its name (also the screenshot's), and its page relative to the site root. */
function pageTypes(json: ArchiveJson, walk: Walk): { type: string; page: string }[] {
  const place = [...json.places].sort((a, b) => b.articles.length - a.articles.length)[0];
  if (!place) throw new Error('the archive has no place');
  return [
    { type: 'home', page: 'index.html' },
    { type: 'article', page: `${walk.article.url}index.html` },
    { type: 'person', page: `${walk.person.url}index.html` },
    { type: 'organization', page: `${walk.organization.url}index.html` },
    { type: 'place', page: `${place.url}index.html` },
    { type: 'articles', page: 'articles/index.html' },
    { type: 'people', page: 'people/index.html' },
    { type: 'organizations', page: 'organizations/index.html' },
    { type: 'places', page: 'places/index.html' },
    { type: 'demands', page: 'demands/index.html' },
    { type: 'timeline', page: 'timeline/index.html' },
    { type: 'graph', page: 'graph/index.html' },
  ];
}

describe.skipIf(!haveChromium && !inCI)('the site in Chromium', () => {
  let site: BuiltSite;
  let json: ArchiveJson;
  let walk: Walk;
  let siteName: string;
  let browser: Browser;
  let atRoot: StaticServer;
  let underPrefix: StaticServer;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: CI must install Debian's chromium package (apt-get install chromium)`);
    site = await buildRealSite();
    json = await readArchiveJson(site.dir);
    walk = chooseWalk(json);
    siteName = (JSON.parse(await readFile(path.join(REPO_ROOT, 'templates', '_data', 'site.json'), 'utf8')) as { name: string }).name;
    [browser, atRoot, underPrefix] = await Promise.all([
      chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS, headless: true }),
      serveStatic(site.dir, '/'),
      serveStatic(site.dir, '/archive/'),
    ]);
  });

  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
    await browser?.close();
    await Promise.all([atRoot?.close(), underPrefix?.close()]);
    await site?.cleanup();
  });

  async function newPage(options: BrowserContextOptions = {}): Promise<{ page: Page; problems: string[] }> {
    const context = await browser.newContext({ ...CONTEXT, ...options });
    contexts.push(context);
    context.setDefaultTimeout(30_000);
    const page = await context.newPage();
    return { page, problems: watch(page) };
  }

  describe('a reader’s walk from the home page to an article, a person in it, their organization and another of its articles', () => {
    const homes: [string, () => string][] = [
      ['served at /', () => atRoot.url],
      ['served under /archive/', () => underPrefix.url],
      ['opened from file://', () => pathToFileURL(path.join(site.dir, 'index.html')).href],
    ];
    it.each(homes)('should work with the site %s', async (_where, home) => {
      const { page, problems } = await newPage();
      await walkFrom(page, home(), walk, siteName);
      expect(problems).toEqual([]);
    });
  });

  describe('with JavaScript disabled', () => {
    it('should still walk from the home page to an article, a person, their organization and another article', async () => {
      const { page, problems } = await newPage({ javaScriptEnabled: false });
      await walkFrom(page, underPrefix.url, walk, siteName);
      expect(problems).toEqual([]);
    });

    it('should still reach every index page and home through the navigation bar', async () => {
      const { page, problems } = await newPage({ javaScriptEnabled: false });
      await page.goto(underPrefix.url);
      const sections: [string, string][] = [
        ['articles', 'Articles'],
        ['people', 'People'],
        ['organizations', 'Organizations'],
        ['places', 'Places'],
        ['demands', 'Demands'],
        ['timeline', 'Timeline'],
        ['graph', 'Connections'],
      ];
      for (const [folder, label] of sections) {
        await follow(page, page.locator('nav').getByRole('link', { name: label, exact: true }), `${folder}/index.html`);
        expect(await h1(page)).toMatch(new RegExp(`^${label}\\b`));
      }
      await follow(page, page.locator('header').getByRole('link', { name: siteName, exact: true }), new URL('index.html', underPrefix.url));
      expect(await h1(page)).toBe(siteName);
      expect(problems).toEqual([]);
    });
  });

  describe('accessibility (axe-core)', () => {
    // One page of each type; the list needs the archive, so each test looks its page up by type.
    const TYPES = ['home', 'article', 'person', 'organization', 'place', 'articles', 'people', 'organizations', 'places', 'demands', 'timeline', 'graph'];
    it.each(TYPES)('should find no violations on the %s page', async (type) => {
      const entry = pageTypes(json, walk).find((t) => t.type === type)!;
      const { page } = await newPage();
      await page.goto(atRoot.url + entry.page);
      const results = await new AxeBuilder({ page }).analyze();
      const found = results.violations.map(
        (v) => `${v.id} (${v.impact ?? 'no impact'}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      );
      expect(found, `axe violations on the ${type} page (${entry.page}):\n${found.join('\n')}`).toEqual([]);
    });
  });

  describe('screenshots', () => {
    it('should save a full-page screenshot of every page type to docs/screenshots/', async () => {
      await mkdir(SCREENSHOTS, { recursive: true });
      const { page, problems } = await newPage();
      for (const { type, page: file } of pageTypes(json, walk)) {
        await page.goto(atRoot.url + file);
        await page.screenshot({ path: path.join(SCREENSHOTS, `${type}.png`), fullPage: true, animations: 'disabled' });
        expect(existsSync(path.join(SCREENSHOTS, `${type}.png`)), `${type}.png was not written`).toBe(true);
      }
      expect(problems).toEqual([]);
    });
  });
});
