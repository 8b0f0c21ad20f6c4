/**
 * Compiled Nunjucks templates kept between builds (`keepCompiledTemplates`, src/site/nunjucks.ts): a build after
 * an edit takes the JavaScript of its templates from the cache instead of compiling them again.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keepCompiledTemplates } from '../../src/site/nunjucks.ts';

// Eleventy's copy of Nunjucks, whose compiler the cache wraps.
const nunjucks = createRequire(createRequire(import.meta.url).resolve('@11ty/eleventy'))('nunjucks') as {
  Environment: new () => { renderString(src: string, data: object): string };
};
const render = (src: string, data: object = {}): string => new nunjucks.Environment().renderString(src, data);

describe('compiled templates kept between builds', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'dossier-njk-'));
  });
  afterAll(async () => {
    keepCompiledTemplates(null);
    await rm(root, { recursive: true, force: true });
  });

  it('should keep each template compiled in the folder of the renderer, and render from it', async () => {
    const cache = path.join(root, 'templates');
    keepCompiledTemplates(cache, 'renderer-one-0000000');
    expect(render('Hello {{ name }}!', { name: 'Ann' })).toBe('Hello Ann!');
    const [folder] = await readdir(cache);
    const files = await readdir(path.join(cache, folder!));
    expect(files).toHaveLength(1);
    // The next build (a process that starts with nothing in memory) renders what the folder holds: changed by
    // hand here, to see that it is read, not compiled again.
    const file = path.join(cache, folder!, files[0]!);
    await writeFile(file, (await readFile(file, 'utf8')).replace('"Hello "', '"Hi "'));
    keepCompiledTemplates(null);
    keepCompiledTemplates(cache, 'renderer-one-0000000');
    expect(render('Hello {{ name }}!', { name: 'Ann' })).toBe('Hi Ann!');
    // Another template is compiled.
    expect(render('Bye {{ name }}.', { name: 'Ann' })).toBe('Bye Ann.');
    expect(await readdir(path.join(cache, folder!))).toHaveLength(2);
  });

  it('should compile again for other code, and keep only the folder of the current renderer', async () => {
    const cache = path.join(root, 'templates');
    keepCompiledTemplates(cache, 'renderer-two-0000000');
    expect(render('Hello {{ name }}!', { name: 'Ann' })).toBe('Hello Ann!');
    expect(await readdir(cache)).toEqual(['renderer-two-000']);
  });

  it('should compile as before when the folder cannot be written', async () => {
    const blocked = path.join(root, 'a-file');
    await writeFile(blocked, '');
    keepCompiledTemplates(path.join(blocked, 'templates'), 'renderer-three-00000');
    expect(render('Hello {{ name }}!', { name: 'Bob' })).toBe('Hello Bob!');
  });
});
