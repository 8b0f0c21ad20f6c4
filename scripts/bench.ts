/**
 * `npm run bench`: time `dossier build` against a plain Eleventy build of the same texts.
 *
 * For each size N (default 1,000 and 4,000; `BENCH_SIZES=200,800` for a quick run) it writes a
 * synthetic archive of real news text into a temporary folder (never into the repository), then
 * runs `BENCH_RUNS` (default 3) rounds, each into new folders (nothing is deleted until the end),
 * alternating which build goes first:
 *   1. `dossier build`, cold (empty extraction cache), and the baseline: Eleventy over the same
 *      texts as Markdown pages through one minimal layout;
 *   2. `dossier build` again with nothing changed;
 *   3. `dossier build` after one article was edited.
 * It prints a Markdown report; with the default sizes (or `BENCH_WRITE=1`) it also rewrites the
 * generated part of `docs/benchmarks.md` and the chart `docs/benchmarks.svg`.
 *
 * Other knobs: `BENCH_TREE=DIR` times the Dossier in DIR (a snapshot of the tree) instead of this one;
 * `BENCH_KEEP=1` keeps the temporary folders; `BENCH_TIME=PATH` names GNU time (`/usr/bin/time`).
 *
 * A benchmark, not a test: CI never runs it, and no test asserts on time.
 */
import { appendFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readDocs, writeCorpus } from './bench-corpus.ts';
import { median, runNode, RSS_METHOD, type Sample } from './bench-run.ts';
import { chartSvg, reportMarkdown, spliceReport, type SizeResult } from './bench-report.ts';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CONLL = path.resolve(REPO, '../shared/ner/conll2003/eng.train');
// `BENCH_TREE=/path/to/a/copy` times another Dossier tree (a snapshot, or one with a fix tried out) with this bench.
const TREE = path.resolve(process.env['BENCH_TREE'] ?? REPO);
const DOSSIER = path.join(TREE, 'bin/dossier.js');
const ELEVENTY = path.join(REPO, 'node_modules/@11ty/eleventy/cmd.cjs');
const DEFAULT_SIZES = '1000,4000';

const SIZES = (process.env['BENCH_SIZES'] ?? DEFAULT_SIZES).split(',').map((s) => Number(s.trim())).filter((n) => n > 0);
const RUNS = Math.max(1, Number(process.env['BENCH_RUNS'] ?? 3));
const WRITE_DOCS = process.env['BENCH_WRITE'] === '1' || process.env['BENCH_SIZES'] === undefined;

// The baseline: Eleventy's defaults, one Nunjucks layout, nothing else.
const BASELINE_CONFIG = `export default function () {}
export const config = { dir: { includes: "_includes" } };
`;
const BASELINE_LAYOUT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ title }}</title></head>
<body><article><h1>{{ title }}</h1><p><time>{{ page.date.toISOString().slice(0, 10) }}</time></p>
{{ content | safe }}
</article></body></html>
`;

const log = (s: string): void => { process.stderr.write(`${s}\n`); };

async function benchSize(n: number, docs: Awaited<ReturnType<typeof readDocs>>, root: string): Promise<SizeResult> {
  const { content, pages } = await writeCorpus(docs, n, root);
  await mkdir(path.join(pages, '_includes'), { recursive: true });
  await writeFile(path.join(pages, '_includes', 'page.njk'), BASELINE_LAYOUT);
  const config = path.join(root, 'baseline.config.mjs');
  await writeFile(config, BASELINE_CONFIG);
  // Every round builds into folders of its own, and nothing is deleted until the bench ends: on ext4,
  // creating a file soon after many were deleted is slow (see "Protocol" in docs/benchmarks.md).
  // `dossier build` keeps its cache in `<cwd>/.cache/`: a new working folder is an empty cache.
  const dossier = (cwd: string): Promise<Sample> => runNode(DOSSIER, ['build', '--content', content, '--out', path.join(cwd, 'site')], cwd);
  const baseline = (out: string): Promise<Sample> => runNode(ELEVENTY, [`--config=${config}`, `--input=${pages}`, `--output=${out}`, '--quiet'], root);
  const cold: Sample[] = [];
  const plain: Sample[] = [];
  const unchanged: Sample[] = [];
  const edited: Sample[] = [];
  for (let round = 0; round < RUNS; round++) {
    const cwd = path.join(root, `dossier-${round + 1}`);
    await mkdir(cwd);
    const baselineOut = path.join(root, `baseline-${round + 1}`);
    // Alternate which goes first, so that neither always gets the warmer disk cache.
    if (round % 2 === 0) {
      cold.push(await dossier(cwd));
      plain.push(await baseline(baselineOut));
    } else {
      plain.push(await baseline(baselineOut));
      cold.push(await dossier(cwd));
    }
    unchanged.push(await dossier(cwd));
    await appendFile(path.join(content, 'articles', `c0-d${String(round * 7 % Math.min(n, docs.length)).padStart(4, '0')}.md`), `\nEditor's note ${round + 1}: Martha Okonkwo of the Benchmark Press Council said the text was revised.\n`);
    edited.push(await dossier(cwd));
    log(`  N=${n} round ${round + 1}/${RUNS}: dossier cold ${s(cold.at(-1)!)}, eleventy ${s(plain.at(-1)!)}, unchanged ${s(unchanged.at(-1)!)}, one edited ${s(edited.at(-1)!)}`);
  }
  return { n, cold, plain, unchanged, edited, lastOutput: edited.at(-1)!.stdout.trim().split('\n').at(-1) ?? '' };
}

const s = (x: Sample): string => `${(x.ms / 1000).toFixed(1)} s / ${Math.round(x.rssKiB / 1024)} MiB`;

const loadAtStart = os.loadavg().map((l) => l.toFixed(1)).join(' / ');

async function main(): Promise<void> {
  const docs = await readDocs(CONLL);
  log(`bench: ${docs.length} documents from ${path.relative(REPO, CONLL)}; sizes ${SIZES.join(', ')}; ${RUNS} rounds; peak memory by ${RSS_METHOD}`);
  const results: SizeResult[] = [];
  const roots: string[] = [await mkdtemp(path.join(os.tmpdir(), 'dossier-bench-warm-'))];
  try {
    // One small untimed build of each, so that the first timed run does not pay for a cold disk and tsx cache.
    await warmUp(docs, roots[0]!);
    for (const n of SIZES) {
      log(`bench: N=${n}`);
      roots.push(await mkdtemp(path.join(os.tmpdir(), `dossier-bench-${n}-`)));
      results.push(await benchSize(n, docs, roots.at(-1)!));
    }
  } finally {
    // Only now: deleting a size's folders before the next size would slow down the next size's builds.
    if (process.env['BENCH_KEEP'] === '1') log(`  kept ${roots.join(', ')}`);
    else for (const root of roots) await rm(root, { recursive: true, force: true });
  }
  const env = {
    date: new Date().toISOString().slice(0, 10),
    cpus: `${os.availableParallelism()} × ${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}`,
    memory: `${Math.round(os.totalmem() / 2 ** 30)} GiB`,
    node: process.version,
    rssMethod: RSS_METHOD,
    runs: RUNS,
    load: `${loadAtStart} at the start, ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')} at the end`,
    tree: TREE === REPO ? 'the repository' : `a copy of the tree at ${TREE}`,
    eleventy: JSON.parse(await readFile(path.join(REPO, 'node_modules/@11ty/eleventy/package.json'), 'utf8')).version as string,
  };
  const report = reportMarkdown(results, env, median);
  process.stdout.write(`${report}\n`);
  if (WRITE_DOCS) {
    const file = path.join(REPO, 'docs/benchmarks.md');
    const old = await readFile(file, 'utf8').catch(() => '');
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, spliceReport(old, report));
    await writeFile(path.join(REPO, 'docs/benchmarks.svg'), chartSvg(results, median));
    log('bench: wrote docs/benchmarks.md and docs/benchmarks.svg');
  }
}

async function warmUp(docs: Awaited<ReturnType<typeof readDocs>>, root: string): Promise<void> {
  const { content, pages } = await writeCorpus(docs, 20, root);
  await mkdir(path.join(pages, '_includes'), { recursive: true });
  await writeFile(path.join(pages, '_includes', 'page.njk'), BASELINE_LAYOUT);
  await writeFile(path.join(root, 'c.mjs'), BASELINE_CONFIG);
  await runNode(DOSSIER, ['build', '--content', content, '--out', path.join(root, 'site')], root);
  await runNode(ELEVENTY, [`--config=${path.join(root, 'c.mjs')}`, `--input=${pages}`, `--output=${path.join(root, 'b')}`, '--quiet'], root);
}

await main();
