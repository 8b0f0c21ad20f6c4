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
import { statSync } from 'node:fs';

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
