/**
 * A build that fails while Eleventy renders (src/site/write.ts) stops with the error: the search
 * index, which waits for the article pages Eleventy was to write, does not keep it waiting; the
 * previous site stays as it was, and no temporary folder is left behind.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Archive } from '../../src/model.ts';
import { writeSite } from '../../src/site/write.ts';
import { buildRealSite, type BuiltSite } from '../helpers/site.ts';
import { fingerprint } from './helpers.ts';

let site: BuiltSite;

beforeAll(async () => {
  site = await buildRealSite();
}, 120_000);

afterAll(() => site?.cleanup());

describe('a build that fails in Eleventy', () => {
  it('should reject without waiting on the search index, and leave the previous site as it was', async () => {
    const before = await fingerprint(site.dir);
    // Two articles at one address: Eleventy refuses to write either (a duplicate permalink).
    const first = site.archive.articles[0]!;
    const broken: Archive = { ...site.archive, articles: [...site.archive.articles, first] };
    await expect(writeSite(broken, site.dir)).rejects.toThrow(/permalink|same output|output/i);
    expect(await fingerprint(site.dir)).toEqual(before);
    const siblings = await readdir(path.dirname(site.dir));
    expect(siblings.filter((n) => n !== path.basename(site.dir))).toEqual([]);
  }, 60_000);
});
