import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { access, appendFile, cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildArchive } from '../../src/build.ts';
import { writeSite } from '../../src/site/write.ts';
import { inputsFingerprint } from '../../src/stamp.ts';

/** A text written for this test: the only article that names Martine Lefebvre and her federation. */
const DOCKERS = `Dockers walk out in Marseille over night shifts

Dockers at the port of Marseille walked out on Tuesday, their union said.
Martine Lefebvre, general secretary of the Federation of Port Workers, said the strike would go on until the shifts are cut.
“We will not load a single ship at night,” Lefebvre told reporters outside the harbour office.
`;

let root: string;
let content: string;
let cache: string;
const articles = (): string => path.join(content, 'articles');
const build = (withCache = true) => buildArchive(content, { cache: withCache ? cache : false });
const exists = (p: string): Promise<boolean> => access(p).then(() => true, () => false);

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'dossier-cache-'));
  content = path.join(root, 'content');
  cache = path.join(root, '.cache', 'extract');
  await cp('content', content, { recursive: true });
  await writeFile(path.join(articles(), 'zz-dockers.txt'), `---\ndate: 2021-06-01\n---\n${DOCKERS}`);
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('the extraction cache', () => {
  it('should extract every article on a cold build and none on the next', async () => {
    const cold = await build();
    expect(cold.extracted.length).toBe(cold.records.length);
    expect(cold.records.length).toBeGreaterThan(1);
    const warm = await build();
    expect(warm.extracted).toEqual([]);
    expect(warm.records.map((r) => r.file)).toEqual(cold.records.map((r) => r.file));
  });

  it('should link the same archive from the cache as from a fresh extraction', async () => {
    const cached = await build();
    expect(cached.extracted).toEqual([]);
    const fresh = await build(false);
    expect(fresh.extracted.length).toBe(fresh.records.length);
    expect(cached.records).toEqual(fresh.records);
    expect(cached.archive).toEqual(fresh.archive);
    expect(JSON.stringify(cached.archive)).toBe(JSON.stringify(fresh.archive));
    expect(cached.problems).toEqual(fresh.problems);
  });

  it('should extract again only the article that was edited', async () => {
    await appendFile(path.join(articles(), 'zz-dockers.txt'), 'Jean-Paul Ferrand, president of the Marseille Port Authority, said talks would resume on Friday.\n');
    const after = await build();
    expect(after.extracted).toEqual(['articles/zz-dockers.txt']);
    expect(after.archive.people.map((p) => p.name)).toContain('Jean-Paul Ferrand');
    const fresh = await build(false);
    expect(after.archive).toEqual(fresh.archive);
  });

  it('should extract every article again when the curation changes', async () => {
    await appendFile(path.join(content, 'entities.yaml'), '\n# an editor’s note that changes the bytes, not the meaning\n');
    const same = await build();
    expect(same.extracted).toEqual([]);
    const yaml = await readFile(path.join(content, 'entities.yaml'), 'utf8');
    await writeFile(path.join(content, 'entities.yaml'), yaml.replace(/^entities:\n/mu, 'entities:\n  - name: Marseille Port Authority\n    kind: organization\n    aliases: [Port Authority]\n'));
    const after = await build();
    expect(after.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(after.extracted.length).toBe(after.records.length);
  });

  it('should forget a clash of ids once one of the two files is gone', async () => {
    await writeFile(path.join(articles(), 'zz-copy.txt'), `---\nid: zz-dockers\ndate: 2021-06-02\n---\n${DOCKERS}`);
    const clash = await build();
    const errors = clash.problems.filter((p) => p.severity === 'error');
    expect(errors.map((p) => p.file)).toHaveLength(1);
    // Remove the file that did not get the error: the other, unchanged, must now build cleanly.
    const kept = errors[0]!.file;
    const removed = kept === 'articles/zz-copy.txt' ? 'zz-dockers.txt' : 'zz-copy.txt';
    const removedText = await readFile(path.join(articles(), removed), 'utf8');
    await rm(path.join(articles(), removed));
    const after = await build();
    expect(after.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(after.archive.articles.map((a) => a.id)).toContain('zz-dockers');
    expect(after).toEqual({ ...(await build(false)), extracted: after.extracted });
    await rm(path.join(articles(), 'zz-copy.txt'), { force: true });
    await writeFile(path.join(articles(), 'zz-dockers.txt'), removed === 'zz-dockers.txt' ? removedText : `---\ndate: 2021-06-01\n---\n${DOCKERS}`);
  });

  it('should give a cached article the clash of ids that a new file earlier in order causes', async () => {
    await build();
    expect((await build()).extracted).toEqual([]);
    await writeFile(path.join(articles(), 'aa-copy.txt'), `---\nid: zz-dockers\ndate: 2021-06-02\n---\n${DOCKERS}`);
    const clash = await build();
    // The cached file comes later in file order: the error is now its.
    expect(clash.problems.filter((p) => p.severity === 'error').map((p) => p.file)).toEqual(['articles/zz-dockers.txt']);
    expect(clash.extracted).toEqual(['articles/aa-copy.txt', 'articles/zz-dockers.txt']);
    expect(clash).toEqual({ ...(await build(false)), extracted: clash.extracted });
    await rm(path.join(articles(), 'aa-copy.txt'));
    const after = await build();
    // What was extracted under the clash was not kept: the file is read from the cache as before it.
    expect(after.extracted).toEqual([]);
    expect(after.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(after).toEqual({ ...(await build(false)), extracted: after.extracted });
  });

  it('should extract again an article whose entry is there but cannot be read (cut short by a crash)', async () => {
    expect((await build()).extracted).toEqual([]);
    // Every entry present, none readable: each file is known as a hit, then read as a miss.
    const entries = (await readdir(cache, { recursive: true })).map(String).filter((n) => n.endsWith('.json'));
    expect(entries.length).toBeGreaterThan(0);
    for (const e of entries) await writeFile(path.join(cache, e), '{"file": "articles/cut-sh');
    const after = await build();
    expect(after.extracted.length).toBe(after.records.length);
    expect(after).toEqual({ ...(await build(false)), extracted: after.extracted });
    // And the entries were written again: the next build reads them all.
    expect((await build()).extracted).toEqual([]);
  });

  it('should remove the pages of entities that only a removed article named', async () => {
    const out = path.join(root, '_site');
    const before = await build();
    await writeSite(before.archive, out);
    expect(await exists(path.join(out, 'people/martine-lefebvre/index.html'))).toBe(true);
    await rm(path.join(articles(), 'zz-dockers.txt'));
    const after = await build();
    expect(after.extracted).toEqual([]);
    expect(after.archive.people.map((p) => p.id)).not.toContain('martine-lefebvre');
    await writeSite(after.archive, out);
    expect(await exists(path.join(out, 'people/martine-lefebvre/index.html'))).toBe(false);
    expect(await exists(path.join(out, 'articles/zz-dockers/index.html'))).toBe(false);
    const index = await readFile(path.join(out, 'people/index.html'), 'utf8');
    expect(index).not.toContain('Martine Lefebvre');
  });

  // `dossier build` reads every file once, for its inputs' fingerprint, and builds from those very bytes.
  it('should build from the bytes the inputs fingerprint read, not read the files again', async () => {
    const file = path.join(articles(), 'zz-dockers.txt');
    const curationFile = path.join(content, 'entities.yaml');
    const curation = await readFile(curationFile, 'utf8');
    await writeFile(file, `---\ndate: 2021-06-01\n---\n${DOCKERS}`);
    const { fingerprint, read } = await inputsFingerprint(content);
    expect(read.has(file)).toBe(true);
    expect(read.has(curationFile)).toBe(true);
    await writeFile(file, `---\ndate: 2021-06-01\n---\n${DOCKERS.replace('Martine Lefebvre', 'Odile Marchand')}`);
    await writeFile(curationFile, curation.replace('description: Police union of the UNSA confederation.', 'description: Changed after the fingerprint.'));
    const built = await buildArchive(content, { cache, read });
    expect(built.archive.people.map((p) => p.name)).toContain('Martine Lefebvre');
    expect(built.archive.people.map((p) => p.name)).not.toContain('Odile Marchand');
    // The curation file too: its description as it was read.
    expect(built.archive.organizations.find((o) => o.name === 'Unsa Police')?.description).toBe('Police union of the UNSA confederation.');
    await writeFile(curationFile, curation);
    expect((await inputsFingerprint(content)).fingerprint).not.toBe(fingerprint);
  });
});
