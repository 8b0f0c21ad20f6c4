/**
 * Reproducible builds: the same content gives a byte-identical site, whatever the output folder,
 * the content folder's location, the clock, the time zone, the locale, and whether extraction
 * came from the cache, and whether the CLI ran compiled (`bin/compile.js`) or from its TypeScript.
 */
import { cp, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT, fingerprint, folderHash, removeDir, runCli, tempDir } from './helpers.ts';

/** Preloaded into the second build: its clock says 2031-01-01. */
const SHIFT_CLOCK = pathToFileURL(path.join(import.meta.dirname, 'fixtures/shift-clock.mjs')).href;

let root: string;
let first: Map<string, string>;
let second: Map<string, string>;

beforeAll(async () => {
  root = await tempDir('repro');
  const copy = path.join(root, 'elsewhere', 'content');
  await cp(path.join(REPO_ROOT, 'content'), copy, { recursive: true });
  const one = await runCli(['build', '--content', path.join(REPO_ROOT, 'content'), '--out', path.join(root, 'one')], root, { TZ: 'UTC', LC_ALL: 'C', LANG: 'C' });
  expect(one.code, one.stderr).toBe(0);
  expect(one.stderr).not.toContain('running from the TypeScript sources');
  // Ten years on, a warm extraction cache, the far side of the date line, another locale, another content path,
  // and the CLI run from its sources through tsx (the first build ran the compiled bundle).
  const two = await runCli(['build', '--content', copy, '--out', path.join(root, 'two-site')], root, {
    TZ: 'Pacific/Kiritimati',
    LC_ALL: 'fr_FR.UTF-8',
    LANG: 'fr_FR.UTF-8',
    DOSSIER_FROM_SOURCES: '1',
    NODE_OPTIONS: `${process.env['NODE_OPTIONS'] ?? ''} --import=${SHIFT_CLOCK}`.trim(),
  });
  expect(two.code, two.stderr).toBe(0);
  first = await fingerprint(path.join(root, 'one'));
  second = await fingerprint(path.join(root, 'two-site'));
});

afterAll(() => removeDir(root));

describe('two builds of the same content', () => {
  it('should write the same files', () => {
    expect([...second.keys()]).toEqual([...first.keys()]);
  });

  it('should write every file byte for byte the same', () => {
    const differ = [...first].filter(([f, sum]) => second.get(f) !== sum).map(([f]) => f);
    expect(differ).toEqual([]);
    expect(folderHash(second)).toBe(folderHash(first));
  });

  it('should not write the build machine into the site: its paths, home or clock', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const leaks = [root, REPO_ROOT, process.env['HOME'] ?? '/nonexistent-home', today, '2031-01-01'];
    const found: string[] = [];
    for (const [dir, prints] of [['one', first], ['two-site', second]] as const) {
      for (const f of prints.keys()) {
        if (!/\.(html|json|xml|txt|csv|js|css)$/.test(f)) continue;
        const text = await readFile(path.join(root, dir, f), 'utf8');
        for (const leak of leaks) if (text.includes(leak)) found.push(`${dir}/${f}: ${leak}`);
      }
    }
    expect(found).toEqual([]);
  });
});
