/**
 * The CLI's compiled bundle (`bin/compile.js`): made from the sources on first use, reused while
 * they stay the same, made again when one changes, and never left half made. Over a small package
 * of its own, in a temp folder, so that the repository's `dist/` is not touched.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdir, readdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compiled, sourceHash } from '../../bin/compile.js';
import { REPO_ROOT, removeDir, tempDir, writeFiles } from '../robust/helpers.ts';

let root: string;

/** A package with the bundle's three entry points: the CLI prints what a shared module says. */
beforeEach(async () => {
  root = await tempDir('compile');
  await writeFiles(root, {
    'package.json': '{ "type": "module" }\n',
    'tsconfig.json': '{}\n',
    'src/say.ts': "export const say = (x: string): string => `said ${x}`;\n",
    'src/cli.ts': "import { say } from './say.ts';\nconsole.log(say('cli'));\n",
    'src/extract/worker.ts': "import { say } from '../say.ts';\nexport const w = say('worker');\n",
    '.eleventy.ts': "import { say } from './src/say.ts';\nexport default function (): string { return say('config'); }\n",
  });
  await mkdir(path.join(root, 'bin'));
  await writeFile(path.join(root, 'bin/compile.js'), '// stands for the real one: its bytes are part of the hash\n');
  await symlink(path.join(REPO_ROOT, 'node_modules'), path.join(root, 'node_modules'));
});

afterEach(() => removeDir(root));

const run = (file: string): string => execFileSync(process.execPath, [file], { encoding: 'utf8' }).trim();

describe('compiled', () => {
  it('should bundle the entry points into dist/<hash of the sources>/, which runs without tsx', async () => {
    const dir = await compiled(root);
    expect(dir).toBe(path.join(root, 'dist', sourceHash(root)));
    expect(run(path.join(dir, 'cli.js'))).toBe('said cli');
    for (const entry of ['eleventy.js', 'worker.js']) expect(existsSync(path.join(dir, entry))).toBe(true);
    // The shared module is one chunk, imported by all three: one instance of its state in a process.
    const chunks = (await readdir(dir)).filter((f) => f.startsWith('chunk-'));
    expect(chunks.length).toBe(1);
  });

  it('should reuse the bundle while the sources are the same', async () => {
    const dir = await compiled(root);
    const made = statSync(path.join(dir, 'cli.js')).mtimeMs;
    expect(await compiled(root)).toBe(dir);
    expect(statSync(path.join(dir, 'cli.js')).mtimeMs).toBe(made);
  });

  it('should make a new bundle when a source changes, and keep only the newest three', async () => {
    const first = await compiled(root);
    const dirs = [first];
    for (const word of ['one', 'two', 'three']) {
      await writeFile(path.join(root, 'src/say.ts'), `export const say = (x: string): string => \`${word} \${x}\`;\n`);
      dirs.push(await compiled(root));
      expect(run(path.join(dirs.at(-1)!, 'cli.js'))).toBe(`${word} cli`);
    }
    expect(new Set(dirs).size).toBe(4);
    expect((await readdir(path.join(root, 'dist'))).sort()).toEqual(dirs.slice(1).map((d) => path.basename(d)).sort());
  });

  it('should throw on a source that does not compile, leaving no bundle and no temporary folder', async () => {
    await writeFile(path.join(root, 'src/say.ts'), 'export const say = (x: string): string => {\n');
    await expect(compiled(root)).rejects.toThrow();
    expect(existsSync(path.join(root, 'dist')) ? await readdir(path.join(root, 'dist')) : []).toEqual([]);
  });
});
