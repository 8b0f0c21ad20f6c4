/**
 * Document-level (non-local) features for the second pass, after Ratinov & Roth (2009):
 * how the first pass tagged the other occurrences of the same word in the same document
 * (all of them, and those in "reliable" places: inside a mixed-case sentence, not first),
 * whether the word sits inside a longer name elsewhere (`Blackburn` after `Peter Blackburn`),
 * and whether it is written capitalised or in lower case elsewhere in the document.
 */
import { FeatureSink, type FeatureTable, type Sent } from './features.ts';
import { join, seed } from './hash.ts';
import { TYPES, tagsToSpans } from './spans.ts';

const S_MAJ = seed('d:maj');
const S_HAS = seed('d:has');
const S_RMAJ = seed('d:rmaj');
const S_RHAS = seed('d:rhas');
const S_UNIQ = seed('d:uniq');
const S_INSPAN = seed('d:inspan');
const S_CAPMID = seed('d:capmid');
const S_LOWER = seed('d:lower');
const S_S1 = seed('d:s1');
const S_S1M = seed('d:s1-1');
const S_S1P = seed('d:s1+1');

interface Stat {
  /** Counts per label: 0 = O, 1..4 = TYPES, over all occurrences. */
  all: number[];
  /** Same, over reliable occurrences. */
  rel: number[];
  /** Occurrences inside multi-token spans: per type × (first, inside, last). */
  span: number[];
  capMid: number;
  lower: number;
}

const newStat = (): Stat => ({ all: [0, 0, 0, 0, 0], rel: [0, 0, 0, 0, 0], span: new Array<number>(12).fill(0), capMid: 0, lower: 0 });

/**
 * Document features of every token, one table per sentence.
 * `tags` are the first pass's tags (any scheme, as strings).
 */
export function documentFeatures(doc: readonly Sent[], tags: readonly (readonly string[])[], mask: number): FeatureTable[] {
  const stats = new Map<string, Stat>();
  // Per token: its own label, reliability and span position, to subtract its own contribution.
  const own: { label: number; rel: boolean; span: number }[][] = [];
  doc.forEach((sent, si) => {
    const spans = tagsToSpans(tags[si]!);
    const label = new Array<number>(sent.toks.length).fill(0);
    const spanPos = new Array<number>(sent.toks.length).fill(-1);
    for (const sp of spans) {
      const ty = TYPES.indexOf(sp.type);
      for (let i = sp.start; i < sp.end; i++) {
        label[i] = ty + 1;
        if (sp.end - sp.start > 1) spanPos[i] = ty * 3 + (i === sp.start ? 0 : i === sp.end - 1 ? 2 : 1);
      }
    }
    const row: { label: number; rel: boolean; span: number }[] = [];
    sent.toks.forEach((t, i) => {
      const rel = i > 0 && !sent.allCaps;
      row.push({ label: label[i]!, rel, span: spanPos[i]! });
      if (!t.hasLetter) return;
      let st = stats.get(t.lw);
      if (!st) stats.set(t.lw, (st = newStat()));
      st.all[label[i]!]!++;
      if (rel) st.rel[label[i]!]!++;
      if (spanPos[i]! >= 0) st.span[spanPos[i]!]!++;
      if (rel && t.cap) st.capMid++;
      if (t.w === t.lw) st.lower++;
    });
    own.push(row);
  });

  const out: FeatureTable[] = [];
  // Counts of the other occurrences of a word: its own occurrence taken off, without copying.
  const all = [0, 0, 0, 0, 0];
  const rel = [0, 0, 0, 0, 0];
  doc.forEach((sent, si) => {
    const sink = new FeatureSink(mask);
    const tg = tags[si]!;
    const row = own[si]!;
    const toks = sent.toks;
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i]!;
      sink.add(join(S_S1, tagCode(tg[i])));
      sink.add(join(join(S_S1M, tagCode(tg[i - 1])), tagCode(tg[i])));
      sink.add(join(join(S_S1P, tagCode(tg[i])), tagCode(tg[i + 1])));
      const st = stats.get(t.lw);
      if (st && t.hasLetter && (t.cap || t.upper)) {
        const me = row[i]!;
        let others = 0;
        let relOthers = 0;
        for (let k = 0; k < 5; k++) {
          all[k] = st.all[k]! - (k === me.label ? 1 : 0);
          rel[k] = st.rel[k]! - (me.rel && k === me.label ? 1 : 0);
          others += all[k]!;
          relOthers += rel[k]!;
        }
        const where = i === 0 ? 0 : sent.allCaps ? 1 : 2;
        if (others === 0) sink.add(join(S_UNIQ, where));
        else {
          sink.add(join(join(S_MAJ, maj(all)), where));
          for (let k = 1; k < 5; k++) if (all[k]! > 0) sink.add(join(S_HAS, k));
        }
        if (relOthers > 0) {
          sink.add(join(join(S_RMAJ, maj(rel)), where));
          for (let k = 1; k < 5; k++) if (rel[k]! > 0) sink.add(join(S_RHAS, k));
        }
        for (let k = 0; k < 12; k++) {
          const n = st.span[k]! - (me.span === k ? 1 : 0);
          if (n > 0) sink.add(join(S_INSPAN, k));
        }
        const capMid = st.capMid - (me.rel && t.cap ? 1 : 0);
        const lower = st.lower;
        sink.add(join(join(S_CAPMID, capMid > 0 ? 1 : 0), where));
        sink.add(join(join(S_LOWER, lower > 0 ? 1 : 0), where));
      }
      sink.endToken();
    }
    out.push(sink.table());
  });
  return out;
}

/** The label counted most (the first of equals). */
function maj(c: readonly number[]): number {
  let b = 0;
  for (let k = 1; k < c.length; k++) if (c[k]! > c[b]!) b = k;
  return b;
}

const tagCodes = new Map<string, number>();
function tagCode(tag: string | undefined): number {
  if (tag === undefined) return 99;
  let c = tagCodes.get(tag);
  if (c === undefined) tagCodes.set(tag, (c = seed(tag)));
  return c;
}
