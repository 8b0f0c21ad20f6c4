/**
 * `npm run eval`: score the committed model on CoNLL-2003 `eng.testa` (mention level, conlleval
 * rules) and measure tagging speed. Options: `--model FILE`, `--split NAME`, `--passes N` (timed passes, default 3),
 * `--errors N` (print N sentences with errors).
 */
import { readSplit } from './data.ts';
import { evaluate } from './evaluate.ts';
import { formatScores } from './metrics.ts';
import { DEFAULT_MODEL_PATH } from './paths.ts';
import { loadTagger } from './tagger.ts';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readBracketedFile } from './bracketed.ts';
import { REPO_ROOT } from './data.ts';
import { emptyScores, pool, prf } from './metrics.ts';
import { TYPES } from './spans.ts';

const argv = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const modelPath = opt('--model') ?? DEFAULT_MODEL_PATH;
const split = opt('--split') ?? 'eng.testa';

const t0 = process.hrtime.bigint();
const tagger = loadTagger(modelPath);
const loadMs = Number(process.hrtime.bigint() - t0) / 1e6;
const docs = readSplit(split);

// Warm up the JIT on a few documents, then time full passes (the fastest is least disturbed by other load).
tagger.tagDocuments(docs.slice(0, 20).map((d) => d.map((s) => s.tokens)));
const passes = Math.max(1, Number(opt('--passes') ?? 3));
const runs = Array.from({ length: passes }, () => evaluate(docs, (d) => tagger.tagDocuments(d)));
const r = runs[0]!;
const times = runs.map((x) => x.seconds).sort((a, b) => a - b);

console.log(`model ${modelPath} (${(statSync(modelPath).size / 1e6).toFixed(1)} MB, loaded in ${loadMs.toFixed(0)} ms)`);
console.log(`${split}: ${docs.length} documents, ${r.tokens} tokens`);
console.log(formatScores(r.scores));
console.log(
  `speed: ${Math.round(r.tokens / times[0]!)} tokens/s on one core (fastest of ${passes} passes; median ${Math.round(r.tokens / times[Math.floor(passes / 2)]!)} tokens/s)`,
);

const nErrors = Number(opt('--errors') ?? 0);
if (nErrors > 0) {
  let shown = 0;
  docs.forEach((d, i) =>
    d.forEach((s, j) => {
      const p = r.predictions[i]![j]!;
      const bad = s.tokens.some((_, k) => (s.tags[k] === 'O') !== (p[k] === 'O') || (s.tags[k]!.slice(2) !== p[k]!.slice(2)));
      if (bad && shown++ < nErrors) console.log(s.tokens.map((t, k) => (s.tags[k] === 'O' && p[k] === 'O' ? t : `${t}[${s.tags[k]}|${p[k]}]`)).join(' '));
    }),
  );
}

// Hand-written news sentences in the archive's domain (French police and unions), tagged as raw text.
const newsPath = join(REPO_ROOT, 'tests', 'ner', 'fixtures', 'french-news.txt');
if (existsSync(newsPath)) {
  const { text, spans: gold } = readBracketedFile(readFileSync(newsPath, 'utf8'));
  const found = tagger.tagText(text);
  const exact = emptyScores();
  const key = (s: { start: number; end: number; type: string }): string => `${s.start}:${s.end}:${s.type}`;
  const gk = new Set(gold.map(key));
  const fk = new Set(found.map(key));
  for (const s of found) exact[s.type][gk.has(key(s)) ? 'tp' : 'fp']++;
  for (const s of gold) if (!fk.has(key(s))) exact[s.type].fn++;
  const overlapHit = (s: { start: number; end: number; type: string }, xs: typeof gold): boolean =>
    xs.some((x) => x.type === s.type && x.start < s.end && s.start < x.end);
  const recall = gold.filter((g) => overlapHit(g, found)).length / Math.max(1, gold.length);
  const precision = found.filter((f) => overlapHit(f, gold)).length / Math.max(1, found.length);
  const ex = prf(pool(exact));
  console.log(
    `\nhand-written news (tests/ner/fixtures/french-news.txt, ${gold.length} names): exact F1 ${ex.f.toFixed(1)} (P ${ex.p.toFixed(1)}, R ${ex.r.toFixed(1)}); ` +
      `overlapping same-type P ${(100 * precision).toFixed(1)}, R ${(100 * recall).toFixed(1)}; ` +
      TYPES.map((t) => `${t} ${prf(exact[t]).f.toFixed(0)}`).join(', '),
  );
  if (argv.includes('--news-errors')) {
    for (const s of found) if (!gk.has(key(s))) console.log(`  false: ${s.type} ${s.text}`);
    for (const s of gold) if (!fk.has(key(s))) console.log(`  missed: ${s.type} ${s.text}`);
  }
}
