import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cp, mkdtemp, readFile, rm, writeFile, access } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildArchive } from '../src/build.ts';
import { writeSite } from '../src/site/write.ts';

/** A text no one has curated, written for this test: it must build into pages of its own. */
const BARE = `Dockers walk out in Marseille over night shifts

Dockers at the port of Marseille walked out on Tuesday, their union said.
Martine Lefebvre, general secretary of the Federation of Port Workers, said the strike would go on until the shifts are cut.
“We will not load a single ship at night,” Lefebvre told reporters outside the harbour office.
The Federation of Port Workers is calling for a cap of eight hours on night shifts.
`;

/** A pasted article with a byline and a date line under its headline, as news sites print them. */
const PASTED = `Farmers block the ring road over a trade deal

By Hanna de Vries

Published on 3 November 2024

Hundreds of tractors blocked the ring road on Thursday as farmers protested against the trade deal.
`;

let dir: string;
let out: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'dossier-int-'));
  await cp('content', path.join(dir, 'content'), { recursive: true });
  await writeFile(path.join(dir, 'content/articles/zz-dockers.txt'), BARE);
  await writeFile(path.join(dir, 'content/articles/zz-farmers.txt'), PASTED);
  const { archive, problems } = await buildArchive(path.join(dir, 'content'));
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  out = path.join(dir, '_site');
  await writeSite(archive, out);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const exists = (p: string): Promise<boolean> => access(p).then(() => true, () => false);

describe('a bare .txt dropped into content/articles', () => {
  it('should build into an article page of its own', async () => {
    const html = await readFile(path.join(out, 'articles/zz-dockers/index.html'), 'utf8');
    expect(html).toContain('Dockers walk out in Marseille over night shifts');
    expect(html).toContain('id="p4"');
  });

  it('should give its people and organizations pages, linked from the text', async () => {
    const html = await readFile(path.join(out, 'articles/zz-dockers/index.html'), 'utf8');
    expect(html).toMatch(/<a href="\.\.\/\.\.\/people\/martine-lefebvre\/index\.html"[^>]*>Martine Lefebvre<\/a>/);
    expect(html).toMatch(/<a href="\.\.\/\.\.\/people\/martine-lefebvre\/index\.html"[^>]*>Lefebvre<\/a>/);
    expect(await exists(path.join(out, 'people/martine-lefebvre/index.html'))).toBe(true);
    expect(await exists(path.join(out, 'organizations/federation-of-port-workers/index.html'))).toBe(true);
  });

  it('should read her role, her quote and the union’s demand', async () => {
    const data = JSON.parse(await readFile(path.join(out, 'data/archive.json'), 'utf8')) as {
      people: { id: string; roles: { title: string; organization: string }[] }[];
      articles: { id: string; demands: { text: string; by: string[] }[] }[];
    };
    const person = data.people.find((p) => p.id === 'martine-lefebvre');
    expect(person?.roles).toContainEqual({ title: 'general secretary', organization: 'federation-of-port-workers' });
    const article = data.articles.find((a) => a.id === 'zz-dockers');
    expect(article?.demands.some((d) => /cap of eight hours/.test(d.text) && d.by.includes('federation-of-port-workers'))).toBe(true);
    const page = await readFile(path.join(out, 'people/martine-lefebvre/index.html'), 'utf8');
    expect(page).toContain('We will not load a single ship at night');
  });

  it('should link the same place across the seed archive and the new article', async () => {
    const page = await readFile(path.join(out, 'places/marseille/index.html'), 'utf8');
    expect(page).toContain('zz-dockers');
    expect(page).toContain('alliance-the-police-union-that-terrorizes-interior-ministers');
  });
});

describe('a pasted article with a byline and a date line', () => {
  it('should show them under the headline, not as subheadings', async () => {
    const html = await readFile(path.join(out, 'articles/zz-farmers/index.html'), 'utf8');
    expect(html).toMatch(/<time datetime="2024-11-03">3 November 2024<\/time>\s*· by <span class="author">Hanna de Vries<\/span>/);
    expect(html).not.toMatch(/<h2[^>]*>[^<]*(?:By Hanna|Published on)/);
    expect(html).toContain('"author":{"@type":"Person","name":"Hanna de Vries"}');
  });
  it('should give the author and the date in data/archive.json', async () => {
    const data = JSON.parse(await readFile(path.join(out, 'data/archive.json'), 'utf8')) as { articles: { id: string; author: string | null; date: string | null; dateApproximate: boolean | null }[] };
    expect(data.articles.find((a) => a.id === 'zz-farmers')).toMatchObject({ author: 'Hanna de Vries', date: '2024-11-03', dateApproximate: false });
    expect(data.articles.find((a) => a.id === 'zz-dockers')?.author).toBeNull();
  });
});

// Regression: a person whose role was not the article's first got "; " instead of " — " before it.
describe('the people beside an article', () => {
  it('should introduce each person’s roles with a dash', async () => {
    const html = await readFile(path.join(out, 'articles/french-police-protest-in-paris/index.html'), 'utf8');
    expect(html).toContain('Emmanuel Macron</a><span class="role"> — French President');
    expect(html).toContain('Darmanin</a><span class="role"> — Home Secretary');
  });
});
