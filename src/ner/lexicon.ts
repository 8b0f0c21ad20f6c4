/**
 * Word lists derived from the training data, kept as hashed keys (no text of the data is stored):
 * names seen as PER/ORG/LOC/MISC (any length), first and last names of people, and how often each
 * word is seen in lower case, capitalised inside a sentence, or anywhere.
 */
import type { ConllDoc } from './conll.ts';
import { fold } from './fold.ts';
import { key52 } from './hash.ts';
import { docDomain } from './domain.ts';
import { TYPES, tagsToSpans } from './spans.ts';

export const MAX_GAZ_LEN = 6;

/** Gazetteer entry value: bits 0-3 = types seen in at least 20% of mentions, bits 4-6 = majority type + 1, bits 7-8 = count bucket (1, 2-3, 4-9, 10+). */
export type GazValue = number;

export class Lexicon {
  /** Per document domain (0 general, 1 sports): hashed `lowercased words joined by spaces` → gazetteer value. */
  readonly gaz: [Map<number, GazValue>, Map<number, GazValue>] = [new Map(), new Map()];
  readonly firstNames = new Set<number>();
  readonly lastNames = new Set<number>();
  /** Hashed lowercase word → occurrences written in lower case. */
  readonly lowerCount = new Map<number, number>();
  /** Hashed lowercase word → occurrences capitalised, not sentence-initial, in mixed-case sentences. */
  readonly capCount = new Map<number, number>();

  static build(docs: readonly ConllDoc[]): Lexicon {
    const lex = new Lexicon();
    const gazCounts = [new Map<number, number[]>(), new Map<number, number[]>()];
    const first = new Map<number, number>();
    const last = new Map<number, number>();
    const bump = (m: Map<number, number>, k: number): void => void m.set(k, (m.get(k) ?? 0) + 1);
    for (const doc of docs) {
      const dom = docDomain(doc.map((s) => s.tokens));
      for (const s of doc) {
        const lw = s.tokens.map((t) => fold(t).toLowerCase());
        const caps = isAllCapsSentence(s.tokens);
        s.tokens.forEach((t, i) => {
          const f = fold(t);
          if (!/[a-z]/iu.test(f)) return;
          const k = key52(lw[i]!);
          if (f === lw[i]) bump(lex.lowerCount, k);
          else if (i > 0 && !caps && /^[A-Z]/u.test(f) && !/^[A-Z]+$/u.test(f)) bump(lex.capCount, k);
        });
        for (const span of tagsToSpans(s.tags)) {
          if (span.end - span.start > MAX_GAZ_LEN) continue;
          const k = key52(lw.slice(span.start, span.end).join(' '));
          let c = gazCounts[dom]!.get(k);
          if (!c) gazCounts[dom]!.set(k, (c = [0, 0, 0, 0]));
          c[TYPES.indexOf(span.type)]!++;
          if (span.type === 'PER' && span.end - span.start > 1) {
            bump(first, key52(lw[span.start]!));
            bump(last, key52(lw[span.end - 1]!));
          }
        }
      }
    }
    gazCounts.forEach((m, d) => {
      for (const [k, c] of m) lex.gaz[d]!.set(k, gazValue(c));
    });
    for (const [k] of first) lex.firstNames.add(k);
    for (const [k] of last) lex.lastNames.add(k);
    return lex;
  }

  /** Serialise to a flat list of numbers (keys are < 2^52, so exact in a Float64Array). */
  toArrays(): Float64Array[] {
    const map = (m: Map<number, number>): Float64Array => Float64Array.from([...m].flat());
    const set = (s: Set<number>): Float64Array => Float64Array.from(s);
    return [map(this.gaz[0]), map(this.gaz[1]), set(this.firstNames), set(this.lastNames), map(this.lowerCount), map(this.capCount)];
  }

  static fromArrays(arrays: Float64Array[]): Lexicon {
    const lex = new Lexicon();
    const [gaz0, gaz1, first, last, lower, cap] = arrays;
    const fill = (m: Map<number, number>, a: Float64Array | undefined): void => {
      if (a) for (let i = 0; i + 1 < a.length; i += 2) m.set(a[i]!, a[i + 1]!);
    };
    fill(lex.gaz[0], gaz0);
    fill(lex.gaz[1], gaz1);
    fill(lex.lowerCount, lower);
    fill(lex.capCount, cap);
    if (first) for (const k of first) lex.firstNames.add(k);
    if (last) for (const k of last) lex.lastNames.add(k);
    return lex;
  }
}

function gazValue(c: number[]): GazValue {
  const total = c.reduce((a, b) => a + b, 0);
  let mask = 0;
  let best = 0;
  c.forEach((n, t) => {
    if (n >= 0.2 * total) mask |= 1 << t;
    if (n > c[best]!) best = t;
  });
  const bucket = total === 1 ? 0 : total <= 3 ? 1 : total <= 9 ? 2 : 3;
  return mask | ((best + 1) << 4) | (bucket << 7);
}

/** A sentence written in capitals (a headline, a dateline, a results table). */
export function isAllCapsSentence(tokens: readonly string[]): boolean {
  let letters = 0;
  for (const t of tokens) {
    if (/\p{Ll}/u.test(t)) return false;
    if (/\p{Lu}/u.test(t)) letters++;
  }
  return letters > 0;
}
