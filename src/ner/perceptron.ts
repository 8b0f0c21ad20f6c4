/**
 * Averaged perceptron over hashed features, with greedy left-to-right decoding in which the
 * previous two predicted tags are features (Ratinov & Roth 2009 found greedy decoding as good as
 * Viterbi/beam for this task, and it is much faster).
 */
import { S_T1, S_T1S, S_T1W, S_T2, type FeatureTable, type Tok } from './features.ts';
import { join, mix } from './hash.ts';

/** Features of one sentence: its tokens and one or more feature tables (static, document). */
export interface SentenceFeatures {
  toks: readonly Tok[];
  tables: readonly FeatureTable[];
}

export class Perceptron {
  readonly mask: number;
  readonly w: Float32Array;
  private acc: Float64Array | null = null;
  /** `allowed[prev * nt + tag]`: may `tag` follow `prev`? (null: anything goes). */
  allowed: Uint8Array | null = null;
  private c = 1;

  constructor(
    readonly nt: number,
    readonly bits: number,
    w?: Float32Array,
  ) {
    this.mask = (1 << bits) - 1;
    this.w = w ?? new Float32Array((1 << bits) * nt);
  }

  /** The bucket of a dynamic (previous-tag) feature. */
  private dynamic(tok: Tok, p1: number, p2: number, out: Int32Array): void {
    const m = this.mask;
    out[0] = mix(join(S_T1, p1)) & m;
    out[1] = mix(join(join(S_T2, p2), p1)) & m;
    out[2] = mix(join(join(S_T1W, p1), tok.hLw)) & m;
    out[3] = mix(join(join(S_T1S, p1), tok.hSsh)) & m;
  }

  private score(tables: readonly FeatureTable[], i: number, dyn: Int32Array, out: Float64Array): void {
    if (this.nt === 9) return this.score9(tables, i, dyn, out);
    const nt = this.nt;
    const w = this.w;
    out.fill(0);
    for (let g = 0; g < tables.length; g++) {
      const { data, offs } = tables[g]!;
      const end = offs[i + 1]!;
      for (let k = offs[i]!; k < end; k++) {
        const base = data[k]! * nt;
        for (let t = 0; t < nt; t++) out[t]! += w[base + t]!;
      }
    }
    for (let k = 0; k < dyn.length; k++) {
      const base = dyn[k]! * nt;
      for (let t = 0; t < nt; t++) out[t]! += w[base + t]!;
    }
  }

  /** `score` unrolled for the 9 tags of IOB2 (the hot loop of tagging). */
  private score9(tables: readonly FeatureTable[], i: number, dyn: Int32Array, out: Float64Array): void {
    const w = this.w;
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0, s8 = 0;
    for (let g = 0; g <= tables.length; g++) {
      let data: Int32Array;
      let from: number;
      let to: number;
      if (g < tables.length) {
        const tb = tables[g]!;
        data = tb.data;
        from = tb.offs[i]!;
        to = tb.offs[i + 1]!;
      } else {
        data = dyn;
        from = 0;
        to = dyn.length;
      }
      for (let k = from; k < to; k++) {
        const b = data[k]! * 9;
        s0 += w[b]!;
        s1 += w[b + 1]!;
        s2 += w[b + 2]!;
        s3 += w[b + 3]!;
        s4 += w[b + 4]!;
        s5 += w[b + 5]!;
        s6 += w[b + 6]!;
        s7 += w[b + 7]!;
        s8 += w[b + 8]!;
      }
    }
    out[0] = s0;
    out[1] = s1;
    out[2] = s2;
    out[3] = s3;
    out[4] = s4;
    out[5] = s5;
    out[6] = s6;
    out[7] = s7;
    out[8] = s8;
  }

  private bump(tables: readonly FeatureTable[], i: number, dyn: Int32Array, tag: number, delta: number): void {
    const nt = this.nt;
    const w = this.w;
    const acc = this.acc!;
    const cd = this.c * delta;
    for (let g = 0; g < tables.length; g++) {
      const { data, offs } = tables[g]!;
      const end = offs[i + 1]!;
      for (let k = offs[i]!; k < end; k++) {
        const j = data[k]! * nt + tag;
        w[j]! += delta;
        acc[j]! += cd;
      }
    }
    for (let k = 0; k < dyn.length; k++) {
      const j = dyn[k]! * nt + tag;
      w[j]! += delta;
      acc[j]! += cd;
    }
  }

  /** Greedy decoding of a sentence; with `gold`, also a training step (updates on mistakes). */
  decode(s: SentenceFeatures, gold?: readonly number[]): number[] {
    const n = s.toks.length;
    const out = new Array<number>(n);
    const dyn = new Int32Array(4);
    const scores = new Float64Array(this.nt);
    let p1 = 0;
    let p2 = 0;
    for (let i = 0; i < n; i++) {
      const tok = s.toks[i]!;
      this.dynamic(tok, p1, p2, dyn);
      this.score(s.tables, i, dyn, scores);
      let best = 0;
      for (let t = 1; t < this.nt; t++) if (scores[t]! > scores[best]! && (!this.allowed || this.allowed[p1 * this.nt + t])) best = t;
      if (gold) {
        const g = gold[i]!;
        if (best !== g) {
          this.bump(s.tables, i, dyn, g, 1);
          this.bump(s.tables, i, dyn, best, -1);
        }
        this.c++;
      }
      out[i] = best;
      p2 = p1;
      p1 = best;
    }
    return out;
  }

  startTraining(): void {
    this.acc = new Float64Array(this.w.length);
    this.c = 1;
  }

  /** End training: replace the weights by their average over all steps. */
  average(): void {
    const acc = this.acc;
    if (!acc) return;
    const c = this.c;
    for (let i = 0; i < this.w.length; i++) this.w[i] = this.w[i]! - acc[i]! / c;
    this.acc = null;
  }
}
