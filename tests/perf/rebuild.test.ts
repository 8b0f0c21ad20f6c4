import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { appendFile, cp, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const DOSSIER = path.resolve('bin/dossier.js');
let root: string;

/** Run `dossier build` in `root`, where its `.cache/` goes. */
async function build(...flags: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, [DOSSIER, 'build', '--content', 'content', '--out', 'site', ...flags], { cwd: root });
  return stdout;
}
const written = async (): Promise<number> => (await stat(path.join(root, 'site', 'index.html'))).mtimeMs;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'dossier-rebuild-'));
  await cp('content', path.join(root, 'content'), { recursive: true });
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('dossier build, run again', () => {
  it('should leave the site as it was when nothing changed', async () => {
    const first = await build();
    expect(first).toMatch(/dossier: extracted 3 of 3 articles/);
    const before = await written();
    const second = await build();
    expect(second).toMatch(/dossier: extracted 0 of 3 articles/);
    expect(second).toMatch(/nothing changed since the last build; site was left as it was/);
    expect(second).toMatch(/dossier: built 3 articles/);
    expect(await written()).toBe(before);
  });

  it('should write the site again after an article changed, with the change in it', async () => {
    const before = await written();
    const file = path.join(root, 'content', 'articles', '002_991f7fb50423a0db.txt');
    await appendFile(file, '\nBernadette Quilliot, spokeswoman of the Federation of Lighthouse Keepers, said nothing.\n');
    const out = await build();
    expect(out).toMatch(/dossier: extracted 1 of 3 articles/);
    expect(out).not.toMatch(/nothing changed/);
    expect(await written()).not.toBe(before);
    const data = await readFile(path.join(root, 'site', 'data', 'archive.json'), 'utf8');
    expect(data).toContain('Bernadette Quilliot');
  });

  it('should write the site again when the site folder was replaced', async () => {
    await rm(path.join(root, 'site'), { recursive: true });
    const out = await build();
    expect(out).not.toMatch(/nothing changed/);
    expect(await readFile(path.join(root, 'site', 'index.html'), 'utf8')).toContain('<html');
  });

  it('should extract and write everything with --no-cache', async () => {
    const before = await written();
    const out = await build('--no-cache');
    expect(out).not.toMatch(/extracted|nothing changed/);
    expect(await written()).not.toBe(before);
  });
});
