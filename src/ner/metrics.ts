/** Mention-level precision, recall and F1 (conlleval rules: exact span and type). */
import type { EntityType } from '../model.ts';
import { TYPES, tagsToSpans } from './spans.ts';

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export type Scores = Record<EntityType, Counts>;

export function emptyScores(): Scores {
  return { PER: { tp: 0, fp: 0, fn: 0 }, ORG: { tp: 0, fp: 0, fn: 0 }, LOC: { tp: 0, fp: 0, fn: 0 }, MISC: { tp: 0, fp: 0, fn: 0 } };
}

/** Add one sentence's gold and predicted tags (any scheme) to `scores`. */
export function score(scores: Scores, gold: readonly string[], pred: readonly string[]): void {
  const g = tagsToSpans(gold);
  const p = tagsToSpans(pred);
  const key = (s: { start: number; end: number; type: string }): string => `${s.start}:${s.end}:${s.type}`;
  const gs = new Set(g.map(key));
  const ps = new Set(p.map(key));
  for (const s of p) scores[s.type][gs.has(key(s)) ? 'tp' : 'fp']++;
  for (const s of g) if (!ps.has(key(s))) scores[s.type].fn++;
}

export interface Prf {
  p: number;
  r: number;
  f: number;
  tp: number;
  fp: number;
  fn: number;
}

export function prf(c: Counts): Prf {
  const p = c.tp + c.fp > 0 ? (100 * c.tp) / (c.tp + c.fp) : 0;
  const r = c.tp + c.fn > 0 ? (100 * c.tp) / (c.tp + c.fn) : 0;
  const f = p + r > 0 ? (2 * p * r) / (p + r) : 0;
  return { p, r, f, ...c };
}

/** Pool the counts of some types. */
export function pool(scores: Scores, types: readonly EntityType[] = TYPES): Counts {
  const out = { tp: 0, fp: 0, fn: 0 };
  for (const t of types) {
    out.tp += scores[t].tp;
    out.fp += scores[t].fp;
    out.fn += scores[t].fn;
  }
  return out;
}

/** A table of P/R/F1 per type, for PER+ORG+LOC and for all four. */
export function formatScores(scores: Scores): string {
  const row = (name: string, c: Counts): string => {
    const s = prf(c);
    return `${name.padEnd(14)} P ${s.p.toFixed(2).padStart(6)}  R ${s.r.toFixed(2).padStart(6)}  F1 ${s.f.toFixed(2).padStart(6)}   (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`;
  };
  const lines = TYPES.map((t) => row(t, scores[t]));
  lines.push(row('PER+ORG+LOC', pool(scores, ['PER', 'ORG', 'LOC'])));
  lines.push(row('all four', pool(scores)));
  return lines.join('\n');
}
