/**
 * Incremental rendering (src/site/pages.ts): after an edit, `dossier build` renders only the pages
 * whose data changed and takes the others from the previous site. The site it leaves must be the
 * site a build from scratch writes, byte for byte, whatever the edit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { appendFile, cp, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { RenderLists } from '../../src/site/pages.ts';
import { chunkLists } from '../../src/site/write.ts';

const DOSSIER = path.resolve('bin/dossier.js');
let root: string;

async function build(out: string, ...flags: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, [DOSSIER, 'build', '--content', 'content', '--out', out, ...flags], { cwd: root });
  return stdout;
}

/** Every file of a site folder and its bytes, by path. */
async function tree(dir: string): Promise<Map<string, Buffer>> {
  const names = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((d) => d.isFile());
  const files = new Map<string, Buffer>();
  for (const d of names) {
    const file = path.join(d.parentPath, d.name);
    files.set(path.relative(dir, file), await readFile(file));
  }
  return files;
}

/** The files in which two sites differ: missing from one, or with other bytes. */
async function differences(a: string, b: string): Promise<string[]> {
  const [ta, tb] = await Promise.all([tree(a), tree(b)]);
  const out: string[] = [];
  for (const [f, bytes] of ta) if (!tb.get(f)?.equals(bytes)) out.push(tb.has(f) ? `${f}: differs` : `${f}: only in the incremental build`);
  for (const f of tb.keys()) if (!ta.has(f)) out.push(`${f}: only in the build from scratch`);
  return out.sort();
}

/** The files in which the incremental build (`site`) and the build from scratch (`fresh`) differ. */
const differencesFromScratch = (): Promise<string[]> => differences(path.join(root, 'site'), path.join(root, 'fresh'));

/** Edit `file`: its first `from` becomes `to`. */
async function replaceIn(file: string, from: string, to: string): Promise<void> {
  await writeFile(file, (await readFile(file, 'utf8')).replace(from, to));
}

/** Build incrementally into `site` and from scratch into `fresh`; return what the incremental build said. */
async function buildBoth(): Promise<string> {
  const said = await build('site');
  await rm(path.join(root, 'fresh'), { recursive: true, force: true });
  await build('fresh', '--no-cache');
  return said;
}

const article = (name: string): string => path.join(root, 'content', 'articles', name);

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'dossier-incremental-'));
  await cp('content', path.join(root, 'content'), { recursive: true });
  await writeFile(article('zz-dockers.txt'), '---\nheadline: Dockers walk out in Marseille\ndate: 2022-03-04\n---\nDockers at the port of Marseille walked out, said Paul Ferrand, secretary of the Dockers Union of Marseille.\n\nThe Dockers Union of Marseille wants a pay rise.\n');
  await writeFile(article('zz-bakers.txt'), '---\ndate: 2022-04-05\n---\nBakers protest in Lyon\n\nBakers in Lyon protested on Monday, said Claire Vidal of the Lyon Bakers Federation.\n');
  await build('site');
}, 120_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('an incremental build', () => {
  it('should render only what a new sentence touches, and leave the site a build from scratch writes', async () => {
    const timeline = path.join(root, 'site', 'timeline', 'index.html');
    const places = path.join(root, 'site', 'places', 'index.html');
    const wasm = path.join(root, 'site', 'pagefind', '0', 'wasm.en.pagefind');
    const before = (await stat(timeline)).ino;
    const placesBefore = (await stat(places)).ino;
    const wasmBefore = (await stat(wasm)).ino;
    await appendFile(article('zz-bakers.txt'), '\nMarc Olivier, treasurer of the Lyon Bakers Federation, agreed.\n');
    const said = await buildBoth();
    const [, rendered, total] = /rendered (\d+) of (\d+) files/.exec(said) ?? [];
    expect(Number(rendered), said).toBeGreaterThan(0);
    expect(Number(rendered)).toBeLessThan(Number(total) / 2);
    // No date and no headline changed: the timeline was left in place, not rendered again (a new file is moved in).
    expect((await stat(timeline)).ino).toBe(before);
    // Nor the index of places: the sentence names a person and an organization, no place.
    expect((await stat(places)).ino).toBe(placesBefore);
    // The search shard was indexed again, but its files that did not change are the same files (hard links).
    expect((await stat(wasm)).ino).toBe(wasmBefore);
    expect(await differencesFromScratch()).toEqual([]);
  }, 60_000);

  // Each edit in turn (they build on each other), then the site is what a build from scratch writes.
  it.each([
    ['a date changes, which the timeline, the feeds and every list of articles show', () => replaceIn(article('zz-dockers.txt'), 'date: 2022-03-04', 'date: 2019-11-30')],
    ['a demand is added, which the demands page shows', () => appendFile(article('zz-dockers.txt'), '\nThe Dockers Union of Marseille demands more staff at the port.\n')],
    ['a headline changes, which only the pages that list the article show', () => replaceIn(article('zz-dockers.txt'), 'headline: Dockers walk out in Marseille', 'headline: Marseille dockers stop work')],
    [
      'the curation file changes a description',
      () => replaceIn(path.join(root, 'content', 'entities.yaml'), 'description: Police union of the UNSA confederation.', 'description: The police union of the UNSA confederation.'),
    ],
  ])('should be right after %s', async (_, edit) => {
    await edit();
    await buildBoth();
    expect(await differencesFromScratch()).toEqual([]);
  }, 60_000);

  it('should remove the pages of a person no article names any more, in place', async () => {
    const file = article('zz-bakers.txt');
    const before = await readFile(file, 'utf8');
    await writeFile(file, before.replace('\nMarc Olivier, treasurer of the Lyon Bakers Federation, agreed.\n', '\n'));
    const said = await buildBoth();
    // The same number of articles: the site is updated in place, not rebuilt.
    expect(said).toMatch(/rendered \d+ of \d+ files/);
    const people = await readdir(path.join(root, 'site', 'people'));
    expect(people).not.toContain('marc-olivier');
    expect(await differencesFromScratch()).toEqual([]);
  }, 60_000);

  it('should be right after an article is removed, its entities with it', async () => {
    await rm(article('zz-bakers.txt'));
    await buildBoth();
    expect(await differencesFromScratch()).toEqual([]);
  }, 60_000);

  it('should be right after an article is added', async () => {
    await writeFile(article('zz-bakers-again.txt'), '---\ndate: 2022-05-06\n---\nBakers protest again\n\nClaire Vidal of the Lyon Bakers Federation said the Dockers Union of Marseille supports them.\n');
    await buildBoth();
    expect(await differencesFromScratch()).toEqual([]);
  }, 60_000);

  it('should be right after a page of the site was deleted by hand', async () => {
    const said = await build('site');
    expect(said).toMatch(/nothing changed/);
    // The folder's own times do not change when a file deep inside it goes: the reuse must notice.
    await rm(path.join(root, 'site', 'articles', 'french-police-protest-in-paris', 'index.html'));
    await appendFile(article('zz-dockers.txt'), '\nThe strike ended on Friday.\n');
    await buildBoth();
    expect(await differencesFromScratch()).toEqual([]);
  }, 60_000);
});

describe('chunkLists (Eleventy renders a large archive in several runs)', () => {
  const lists = {
    articles: [{ id: 'a1' }, { id: 'a2' }, { id: 'a3' }],
    people: [{ id: 'p1' }],
    organizations: [] as { id: string }[],
    places: [{ id: 'l1' }, { id: 'l2' }],
  } as unknown as RenderLists;
  const ids = (chunks: RenderLists[]): string[][] => chunks.map((c) => [...c.articles, ...c.people, ...c.organizations, ...c.places].map((x) => x.id));

  it('should cut the lists into runs of at most N items, in order, each item once', () => {
    expect(ids(chunkLists(lists, 2))).toEqual([['a1', 'a2'], ['a3', 'p1'], ['l1', 'l2']]);
    expect(ids(chunkLists(lists, 100))).toEqual([['a1', 'a2', 'a3', 'p1', 'l1', 'l2']]);
  });

  it('should keep one run when there is nothing to render, for the site-wide pages', () => {
    expect(chunkLists({ articles: [], people: [], organizations: [], places: [] }, 10)).toHaveLength(1);
  });
});
