import { readFile, readdir, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildArchive, tagger } from './build.ts';
import { ExtractionWorker } from './extract/parallel.ts';
import { readCuration, readSource } from './read/index.ts';
import { buildLexicon, extractArticle } from './extract/index.ts';
import { formatProblems, summarize } from './report.ts';
import { writeSite } from './site/write.ts';
import { PACKAGE_ROOT, TEMPLATES } from './root.ts';
import { recordJson } from './site/record.ts';
import { mark } from './timing.ts';
import { hasStamp, inputsFingerprint, readStamp, removeStamp, rendererHash, siteFingerprint, writeStamp, type BuildReport } from './stamp.ts';

const USAGE = `Usage: dossier <command> [options]

Commands:
  build [--content DIR] [--out DIR]   build the site (default: content → _site)
        [--no-cache]                  extract and write everything again, ignoring and not filling .cache/
  check [--content DIR]               check the content without building; exit 1 on errors
  extract --json FILE...              print the extracted record of each file as JSON
  ner --conll FILE                    tag a CoNLL file: one "token<TAB>tag" line per token line
  serve [--content DIR] [--out DIR]   build, serve on 127.0.0.1 (--port N, default 8080; 0: any free port)
        [--port N]                    and build again when the content or a template changes
`;

async function main(argv: string[]): Promise<number> {
  // `dossier --help` and `dossier -h` ask for the usage as `dossier help` does.
  const [command, ...rest] = argv[0] === '--help' || argv[0] === '-h' ? ['help', ...argv.slice(1)] : argv;
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        content: { type: 'string', default: 'content' },
        out: { type: 'string', default: '_site' },
        json: { type: 'boolean', default: false },
        conll: { type: 'string' },
        port: { type: 'string', default: '8080' },
        help: { type: 'boolean', short: 'h', default: false },
        'no-cache': { type: 'boolean', default: false },
      },
    });
  } catch (e) {
    process.stderr.write(`dossier: ${e instanceof Error ? e.message : String(e)}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help || command === undefined || command === 'help') {
    process.stdout.write(USAGE);
    return command === undefined ? 2 : 0;
  }
  switch (command) {
    case 'build': return build(values.content, values.out, values['no-cache'] ? false : path.resolve(CACHE));
    case 'check': return check(values.content);
    case 'extract': return extract(positionals, values.content);
    case 'ner': return ner(values.conll ?? positionals[0]);
    case 'serve': return serve(values.content, values.out, Number(values.port));
    default:
      process.stderr.write(`dossier: unknown command \`${command}\`\n\n${USAGE}`);
      return 2;
  }
}

/** Where `dossier build` keeps extraction results and site fingerprints between builds, in the working directory (gitignored). */
const CACHE = '.cache';

async function build(content: string, out: string, cache: string | false): Promise<number> {
  const refused = await refuseOut(path.resolve(out), path.resolve(content));
  if (refused) {
    process.stderr.write(`dossier: ${out} ${refused}\n`);
    return 2;
  }
  // Same content, same code, and the site folder as the last build left it: say again what that build said.
  const stamps = cache && path.join(cache, 'site');
  // After a build into `out`, this one is likely an edit's: its extraction worker starts now and loads its modules
  // on the other core while this thread reads the content, to take the edited article while this thread reads the
  // cache. A build from scratch starts its worker once the articles to extract are known, as before: started now,
  // the extraction of 4,000 articles was never faster, and 0.2–0.4 s slower in four runs (near the machine's noise).
  const worker = stamps && hasStamp(stamps, out) ? ExtractionWorker.start() : null;
  const { fingerprint: inputs, read } = stamps ? await inputsFingerprint(path.resolve(content)) : { fingerprint: '', read: undefined };
  const last = stamps ? await readStamp(stamps, out) : null;
  mark('inputs fingerprint');
  if (last && last.inputs === inputs) {
    worker?.close();
    process.stdout.write(`dossier: nothing changed since the last build; ${out} was left as it was\n${last.report.dropped}`);
    return reportBuilt(last.report, out);
  }
  const result = await buildArchive(path.resolve(content), { cache: cache && path.join(cache, 'extract'), read, worker });
  if (cache) process.stdout.write(`dossier: extracted ${result.extracted.length} of ${result.records.length} articles; the others came from ${path.relative(process.cwd(), cache) || cache}\n`);
  const dropped = result.records.flatMap((r) => r.dropped.map((d) => `${r.file}:${d.line}: dropped (${d.reason}): ${d.text}\n`)).join('');
  process.stdout.write(dropped);
  const errors = result.problems.filter((p) => p.severity === 'error');
  if (errors.length) {
    process.stderr.write(`${formatProblems(result.problems)}\n`);
    process.stderr.write(`dossier: build stopped: ${summarize(result.problems)}; ${out} was left as it was\n`);
    return 1;
  }
  const { archive } = result;
  const report: BuildReport = { dropped, problems: result.problems, counts: `${archive.articles.length} articles, ${archive.people.length} people, ${archive.organizations.length} organizations, ${archive.places.length} places` };
  // A site rendered from the same archive by the same code is the same site: leave it where it is.
  const site = stamps ? await siteFingerprint(result.fingerprint) : '';
  mark('site fingerprint');
  try {
    let pages = last?.pages;
    if (last && last.site === site) process.stdout.write(`dossier: the archive is unchanged since the last build; ${out} was left as it was\n`);
    else {
      // Pages whose data did not change since the last build are left in place, not rendered again; a
      // build cut short while it updates the folder must not be trusted by the next one.
      if (stamps && last) await removeStamp(stamps, out);
      const written = await writeSite(archive, out, {
        previous: last?.pages ?? null,
        renderer: stamps ? await rendererHash() : '',
        recordHashes: result.recordHashes,
        ...(cache ? { templateCache: path.join(cache, 'templates') } : {}),
      });
      if (written.rendered < written.pages) process.stdout.write(`dossier: rendered ${written.rendered} of ${written.pages} files; the others were unchanged since the last build\n`);
      pages = written.fingerprints;
    }
    if (stamps) await writeStamp(stamps, out, { inputs, site, report, ...(pages ? { pages } : {}) });
    mark('stamp');
  } catch (e) {
    process.stderr.write(`dossier: the site could not be written (${e instanceof Error ? e.message : String(e)}); ${out} was left as it was\n`);
    return 1;
  }
  return reportBuilt(report, out);
}

/** The end of a build that wrote (or kept) the site: its warnings last, where they are seen, then the summary. */
function reportBuilt(report: BuildReport, out: string): number {
  if (report.problems.length) process.stderr.write(`${formatProblems(report.problems)}\n`);
  process.stdout.write(`dossier: built ${report.counts} into ${out} (${summarize(report.problems)})\n`);
  return 0;
}

/** Lines left out of the articles, so that nothing is lost without a word. */
function printDropped(records: Awaited<ReturnType<typeof buildArchive>>['records']): void {
  for (const r of records) for (const d of r.dropped) process.stdout.write(`${r.file}:${d.line}: dropped (${d.reason}): ${d.text}\n`);
}

/**
 * Why building into `out` would destroy something, or null. The swap replaces `out` whole,
 * so it must not be (or hold) the content, the project, the home folder, or a folder of other files.
 */
async function refuseOut(out: string, content: string): Promise<string | null> {
  const inside = (a: string, b: string): boolean => a === b || a.startsWith(b.endsWith(path.sep) ? b : b + path.sep);
  if (inside(content, out)) return 'holds the content folder: building would replace it; choose another --out';
  if (inside(out, content)) return 'is inside the content folder: choose an --out outside it';
  for (const precious of [path.parse(out).root, os.homedir(), process.cwd(), PACKAGE_ROOT]) {
    if (out === path.resolve(precious)) return 'is a folder building would replace whole (the project, the home or the current folder): choose a folder of its own, like _site';
  }
  const info = await stat(out).catch(() => null);
  if (info === null) return null;
  if (!info.isDirectory()) return 'is a file, not a folder: choose another --out';
  const names = await readdir(out);
  if (names.length > 0 && !names.includes('index.html')) return 'is a folder of other files (it has no index.html): building would replace it; choose an empty or new folder';
  return null;
}

async function check(content: string): Promise<number> {
  const result = await buildArchive(path.resolve(content));
  printDropped(result.records);
  if (result.problems.length) process.stdout.write(`${formatProblems(result.problems)}\n`);
  const errors = result.problems.some((p) => p.severity === 'error');
  process.stdout.write(`dossier check: ${result.records.length} articles, ${summarize(result.problems)}\n`);
  return errors ? 1 : 0;
}

async function extract(files: readonly string[], content: string): Promise<number> {
  if (files.length === 0) {
    process.stderr.write('dossier extract: name at least one file\n');
    return 2;
  }
  const { curation, problems } = await readCuration(path.resolve(content));
  if (problems.some((p) => p.severity === 'error')) process.stderr.write(`${formatProblems(problems)}\n`);
  const lexicon = buildLexicon(curation);
  const records = [];
  let failed = false;
  for (const file of files) {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(file);
    } catch {
      process.stderr.write(`${file}: error: cannot be read\n`);
      failed = true;
      continue;
    }
    const record = extractArticle(readSource(file, bytes), { tagger: tagger(), lexicon });
    const errs = record.problems.filter((p) => p.severity === 'error');
    if (errs.length) {
      process.stderr.write(`${formatProblems(errs)}\n`);
      failed = true;
    }
    records.push(recordJson(record));
  }
  process.stdout.write(`${JSON.stringify(records, null, 2)}\n`);
  return failed ? 1 : 0;
}

async function ner(file: string | undefined): Promise<number> {
  if (!file) {
    process.stderr.write('dossier ner: give a file: dossier ner --conll FILE\n');
    return 2;
  }
  const { tagConll } = await import('./ner/index.ts');
  process.stdout.write(tagConll(await readFile(file, 'utf8')));
  return 0;
}

async function serve(content: string, out: string, port: number): Promise<number> {
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    process.stderr.write(`dossier: --port wants a port number (0 for a free one), not ${port}\n`);
    return 2;
  }
  const { serveSite } = await import('./site/serve.ts');
  await serveSite({
    build: () => build(content, out, path.resolve(CACHE)),
    out: path.resolve(out),
    watch: [path.resolve(content), TEMPLATES],
    port,
  });
  return new Promise<number>(() => undefined);
}

// Dates resolve in UTC, so the same content gives the same site on every machine.
process.env['TZ'] = 'UTC';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Content problems are reported above as `file:line:` lines; reaching here is a bug in Dossier.
    const debug = process.env['DOSSIER_DEBUG'];
    const detail = debug && error instanceof Error ? error.stack : error instanceof Error ? error.message : String(error);
    process.stderr.write(`dossier: internal error: ${detail}\n${debug ? '' : 'This is a bug in Dossier, not in your content; set DOSSIER_DEBUG=1 to see where it happened, and report it.\n'}`);
    process.exitCode = 1;
  },
);
