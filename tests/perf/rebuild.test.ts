import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { appendFile, cp, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const DOSSIER = path.resolve('bin/dossier.js');
let root: string;

/** Run `dossier build` in `root`, where its `.cache/` goes. */
async function build(...flags: string[]): Promise<string> {
  return (await run(...flags)).stdout;
}
function run(...flags: string[]): Promise<{ stdout: string; stderr: string }> {
  return promisify(execFile)(process.execPath, [DOSSIER, 'build', '--content', 'content', '--out', 'site', ...flags], { cwd: root });
}
const written = async (): Promise<number> => (await stat(path.join(root, 'site', 'index.html'))).mtimeMs;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'dossier-rebuild-'));
  await cp('content', path.join(root, 'content'), { recursive: true });
  // No date: a warning, which every build must list again.
  await writeFile(path.join(root, 'content', 'articles', 'zz-undated.txt'), 'Dockers walk out in Marseille\n\nDockers at the port of Marseille walked out, their union said.\n');
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('dossier build, run again', () => {
  it('should leave the site as it was when nothing changed', async () => {
    const first = await run();
    expect(first.stdout).toMatch(/dossier: extracted 4 of 4 articles/);
    const before = await written();
    const second = await run();
    expect(second.stdout).not.toMatch(/extracted/);
    expect(second.stdout).toMatch(/nothing changed since the last build; site was left as it was/);
    expect(await written()).toBe(before);
    // It says what the build it stands for said.
    const lines = (text: string): string[] => text.split('\n').filter((l) => l.trim() !== '' && !/^\s*(dossier: (extracted|nothing changed)|\[11ty\])/.test(l));
    expect(lines(second.stdout)).toEqual(lines(first.stdout));
    expect(lines(second.stderr)).toEqual(lines(first.stderr));
    expect(second.stderr).toMatch(/articles\/zz-undated\.txt: warning: has no `date:`/);
  });

  it('should leave the site as it was when an edit does not change the archive', async () => {
    const before = await written();
    await appendFile(path.join(root, 'content', 'articles', 'zz-undated.txt'), '\n\n');
    const out = await build();
    // The cache is keyed by the file's bytes: the edited file is extracted again, to the same record.
    expect(out).toMatch(/dossier: extracted 1 of 4 articles/);
    expect(out).toMatch(/the archive is unchanged since the last build; site was left as it was/);
    expect(await written()).toBe(before);
  });

  it('should write the site again after an article changed, with the change in it', async () => {
    const before = await written();
    const file = path.join(root, 'content', 'articles', '002_991f7fb50423a0db.txt');
    await appendFile(file, '\nBernadette Quilliot, spokeswoman of the Federation of Lighthouse Keepers, said nothing.\n');
    const out = await build();
    expect(out).toMatch(/dossier: extracted 1 of 4 articles/);
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
