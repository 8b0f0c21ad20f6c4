/**
 * The CLI as a maintainer runs it: errors stop the build with exit 1 and leave the previous site
 * byte for byte; a good build replaces the whole site (no stale page); `dossier check` reports
 * without building; all the bad cases at once are each reported with their file and line.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprint, goodArticle, removeDir, runCli, tempDir, writeFiles, type CliRun } from './helpers.ts';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

let root: string;
let good: string;
let out: string;
/** The site of the last good build, file by file. */
let built: Map<string, string>;

beforeAll(async () => {
  root = await tempDir('cli');
  good = path.join(root, 'good');
  out = path.join(root, 'site');
  await writeFiles(good, {
    'entities.yaml': 'entities:\n  - name: Example Union\n    kind: organization\n',
    'articles/first.txt': goodArticle('First article'),
    'articles/second.txt': goodArticle('Second article'),
    // No date: a warning, which must not stop the build.
    'articles/undated.txt': 'An undated article\n\nIt says nothing about when it happened.\n',
  });
});

afterAll(() => removeDir(root));

/** The `file:line: severity:` lines of a run's output. */
const reported = (run: CliRun): string[] => [...`${run.stdout}\n${run.stderr}`.matchAll(/^(\S+?:\d+): (error|warning):/gm)].map((m) => `${m[1]} ${m[2]}`);

/** Folders beside `out` left by a build (`site.tmp-123`, `site.old-123`). */
async function leftovers(): Promise<string[]> {
  return (await readdir(root)).filter((n) => n.startsWith(`${path.basename(out)}.`));
}

describe('dossier build', () => {
  it('should build good content, exit 0 and list warnings at the end', async () => {
    const run = await runCli(['build', '--content', good, '--out', out], root);
    expect(run.code, run.stderr).toBe(0);
    expect(existsSync(path.join(out, 'articles/first/index.html'))).toBe(true);
    expect(existsSync(path.join(out, 'articles/second/index.html'))).toBe(true);
    expect(run.stderr.trim().split('\n').at(-1)).toMatch(/^articles\/undated\.txt: warning: has no `date:`/);
    expect(run.stdout).toMatch(/dossier: built 3 articles, .* \(0 errors, 1 warning\)/);
    built = await fingerprint(out);
  });

  it('should exit 1 on an error in the content and leave the previous site byte-identical', async () => {
    const bad = path.join(root, 'bad');
    await writeFiles(bad, {
      'articles/first.txt': goodArticle('First article, changed'),
      'articles/broken.txt': '---\nheadline: Police: a story: told\n---\nText.\n',
    });
    const run = await runCli(['build', '--content', bad, '--out', out], root);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^articles\/broken\.txt:2: error: front matter is not valid YAML/m);
    expect(run.stderr).toMatch(/dossier: build stopped: 1 error, 0 warnings; .* was left as it was/);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(await fingerprint(out)).toEqual(built);
    expect(await leftovers()).toEqual([]);
  });

  it('should leave no stale page behind after an article is removed', async () => {
    await rm(path.join(good, 'articles/second.txt'));
    const run = await runCli(['build', '--content', good, '--out', out], root);
    expect(run.code, run.stderr).toBe(0);
    expect(existsSync(path.join(out, 'articles/first/index.html'))).toBe(true);
    expect(existsSync(path.join(out, 'articles/second'))).toBe(false);
    const stale = [...(await fingerprint(out)).keys()].filter((f) => f.includes('second'));
    expect(stale).toEqual([]);
    for (const f of ['data/archive.json', 'sitemap.xml', 'index.html']) {
      if (existsSync(path.join(out, f))) expect(await readFile(path.join(out, f), 'utf8'), f).not.toContain('Second article');
    }
    expect(await leftovers()).toEqual([]);
    built = await fingerprint(out);
  });

  it('should refuse an --out that would replace the content folder', async () => {
    const run = await runCli(['build', '--content', good, '--out', good], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/holds the content folder: building would replace it; choose another --out/);
    expect(existsSync(path.join(good, 'articles/first.txt'))).toBe(true);
  });

  it('should refuse an --out folder of other files', async () => {
    const precious = path.join(root, 'documents');
    await writeFiles(precious, { 'letter.txt': 'Dear…' });
    const run = await runCli(['build', '--content', good, '--out', precious], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/is a folder of other files \(it has no index\.html\): building would replace it/);
    expect(await readFile(path.join(precious, 'letter.txt'), 'utf8')).toBe('Dear…');
  });

  it('should answer a mistyped option with the usage and exit 2, not a stack trace', async () => {
    const run = await runCli(['build', '--contnet', good], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Unknown option '--contnet'/);
    expect(run.stderr).toMatch(/Usage: dossier <command>/);
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });

  for (const args of [['--help'], ['-h'], ['help'], ['build', '--help']]) {
    it(`should print the usage for \`dossier ${args.join(' ')}\` and exit 0`, async () => {
      const run = await runCli(args, root);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/Usage: dossier <command>/);
    });
  }
});

describe('content with every bad case at once', () => {
  let allBad: string;
  let marker: string;
  let run: CliRun;

  beforeAll(async () => {
    allBad = path.join(root, 'all-bad');
    marker = path.join(root, 'front-matter-ran');
    const payload = `(globalThis.process.getBuiltinModule('fs').writeFileSync(${JSON.stringify(marker)}, 'ran'), { headline: 'Pwned' })`;
    const big = 'The union said on Monday that the talks would go on, and that nothing was settled yet.\n\n';
    await writeFiles(allBad, {
      'entities.yaml': [
        'entities:',
        '  - name: Alliance Police Nationale',
        '    kind: organization',
        '    aliases: [Alliance]',
        '  - name: Alliance Party',
        '    kind: organization',
        '    aliases: [Alliance]',
        '  - name: Paris',
        '    kind: city',
        '  - name: Jane Roe',
        '    kind: person',
        '    roles:',
        '      - title: general secretary',
        '        organization: Nowhere Union',
        '',
      ].join('\n'),
      'articles/empty.txt': '',
      'articles/front-matter-only.txt': '---\nheadline: Nothing below\n---\n',
      'articles/no-headline.txt': '* * *\n\nThe text under a row of stars.\n',
      'articles/bad-yaml.txt': '---\nheadline: [unclosed\n---\nText.\n',
      'articles/wrong-date.txt': '---\ndate: yesterday\n---\nHeadline\n\nText.\n',
      'articles/wrong-people.txt': '---\nheadline: H\npeople: 3\n---\nText.\n',
      'articles/js.txt': `---js\n${payload}\n---\nText.\n`,
      'articles/javascript.txt': `---javascript\n${payload}\n---\nText.\n`,
      'articles/latin1.txt': Uint8Array.from([...utf8('Headline\n\nLe pr'), 0xe9, ...utf8('fet a dit.\n')]),
      'articles/utf16.txt': Uint8Array.from([...'Headline'].flatMap((c) => [c.charCodeAt(0), 0])),
      'articles/escape-id.txt': '---\nid: ../../x\n---\nHeadline\n\nText.\n',
      'articles/escape-permalink.txt': '---\npermalink: ../../../x.html\n---\nHeadline\n\nText.\n',
      'articles/huge.txt': `Headline\n\n${big.repeat(Math.ceil((2 * 1024 * 1024) / big.length))}`,
      'articles/Same-Name.md': goodArticle('One of two'),
      'articles/same-name.txt': goodArticle('Two of two'),
      // Readable oddities: these must build.
      'articles/bom.txt': Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(goodArticle('With a BOM'))]),
      'articles/crlf.txt': goodArticle('With CRLF').replace(/\n/g, '\r\n'),
      'articles/cr.txt': goodArticle('With CR').replace(/\n/g, '\r'),
      'articles/tabs.txt': goodArticle('With tabs', '\tIndented\u00a0with a non-breaking space, and\ta tab.'),
    });
    // The tests above leave a built site in `out`; build one if they were filtered out.
    if (!existsSync(path.join(out, 'index.html'))) await runCli(['build', '--content', good, '--out', out], root);
    built = await fingerprint(out);
    run = await runCli(['build', '--content', allBad, '--out', out], root);
  });

  const expected: [string, string][] = [
    ['entities.yaml:7', 'the name `Alliance` stands for both'],
    ['entities.yaml:9', '`Paris` has kind `city`'],
    ['entities.yaml:14', 'has a role in `Nowhere Union`, which is not a curated organization'],
    ['articles/empty.txt:1', 'is empty'],
    ['articles/front-matter-only.txt:3', 'has front matter but no text'],
    ['articles/no-headline.txt:1', 'has no headline that can be found'],
    ['articles/bad-yaml.txt:3', 'front matter is not valid YAML'],
    ['articles/wrong-date.txt:2', 'front matter `date` must be'],
    ['articles/wrong-people.txt:3', 'front matter `people` must be a list of names'],
    ['articles/js.txt:1', 'front matter in `js` is refused, and never run'],
    ['articles/javascript.txt:1', 'front matter in `javascript` is refused, and never run'],
    ['articles/latin1.txt:3', 'is not valid UTF-8'],
    ['articles/utf16.txt:1', 'contains NUL bytes'],
    ['articles/escape-id.txt:2', 'front matter `id: ../../x` must be'],
    ['articles/escape-permalink.txt:2', 'front matter `permalink: ../../../x.html` is refused'],
    ['articles/same-name.txt', 'gets the id `same-name` from its file name, but articles/Same-Name.md already has it'],
    ['articles/huge.txt', 'is 2.0 MB, over the 1 MB an article may have'],
  ];

  it('should exit 1 with a summary, and no stack trace', () => {
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/dossier: build stopped: 17 errors, \d+ warnings?; .* was left as it was/);
    expect(run.stderr).not.toMatch(/^\s+at |TypeError|internal error/m);
  });

  for (const [where, what] of expected) {
    it(`should report ${where}: ${what}`, () => {
      const line = run.stderr.split('\n').find((l) => l.startsWith(`${where}: error: `));
      expect(line, run.stderr).toBeDefined();
      expect(line).toContain(what);
    });
  }

  it('should report nothing but these errors', () => {
    const errors = reported(run).filter((r) => r.endsWith(' error'));
    const unlined = run.stderr.split('\n').filter((l) => /^[^:\s]+: error: /.test(l)).map((l) => l.split(': ')[0]!);
    expect([...errors.map((e) => e.replace(/ error$/, '')), ...unlined].sort()).toEqual(expected.map(([w]) => w).sort());
  });

  it('should build none of the readable oddities with an error', () => {
    expect(run.stderr).not.toMatch(/^articles\/(bom|crlf|cr|tabs)\.txt(:\d+)?: error/m);
  });

  it('should never run the JavaScript front matter', () => {
    expect(existsSync(marker)).toBe(false);
  });

  it('should leave the previous site byte-identical', async () => {
    expect(await fingerprint(out)).toEqual(built);
    expect(await leftovers()).toEqual([]);
  });

  it('should give `dossier check` the same errors, exit 1 and a summary line', async () => {
    const check = await runCli(['check', '--content', allBad], root);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/^dossier check: \d+ articles, 17 errors, \d+ warnings?$/m);
    const lines = (r: CliRun): string[] => `${r.stdout}\n${r.stderr}`.split('\n').filter((l) => /: error: /.test(l)).sort();
    expect(lines(check)).toEqual(lines(run));
  });
});

describe('dossier check', () => {
  it('should exit 0 on clean content with a summary line, and write nothing', async () => {
    const cwd = path.join(root, 'check-cwd');
    await writeFiles(cwd, { '.keep': '' });
    const run = await runCli(['check', '--content', good], cwd);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^dossier check: 2 articles, 0 errors, 1 warning$/m);
    expect((await readdir(cwd)).filter((n) => n !== '.keep' && n !== '.cache')).toEqual([]);
  });

  it('should exit 1 on an error, naming file and line', async () => {
    const bad = path.join(root, 'check-bad');
    await writeFiles(bad, { 'articles/a.txt': goodArticle('Fine'), 'articles/b.txt': '---\ndate: 2021-13-01\n---\nHeadline\n\nText.\n' });
    const run = await runCli(['check', '--content', bad], root);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^articles\/b\.txt:2: error: front matter `date` must be YYYY, YYYY-MM or YYYY-MM-DD/m);
    expect(run.stdout).toMatch(/^dossier check: 2 articles, 1 error, 0 warnings$/m);
  });
});
