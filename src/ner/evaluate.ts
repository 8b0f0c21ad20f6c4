/** Score a model on CoNLL documents: mention-level P/R/F1 per type, and tagging speed. */
import type { ConllDoc } from './conll.ts';
import { emptyScores, score, type Scores } from './metrics.ts';

export interface EvalResult {
  scores: Scores;
  tokens: number;
  seconds: number;
  predictions: string[][][];
}

export function evaluate(docs: readonly ConllDoc[], tagDocuments: (docs: string[][][]) => string[][][]): EvalResult {
  const input = docs.map((d) => d.map((s) => s.tokens));
  const tokens = input.reduce((a, d) => a + d.reduce((b, s) => b + s.length, 0), 0);
  const t0 = process.hrtime.bigint();
  const predictions = tagDocuments(input);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const scores = emptyScores();
  docs.forEach((d, i) => d.forEach((s, j) => score(scores, s.tags, predictions[i]![j]!)));
  return { scores, tokens, seconds, predictions };
}
