/**
 * Averaged perceptron over hashed features, with greedy left-to-right decoding in which the
 * previous two predicted tags are features (Ratinov & Roth 2009 found greedy decoding as good as
 * Viterbi/beam for this task, and it is much faster).
 */
import { S_T1, S_T1S, S_T1W, S_T2, type Tok } from './features.ts';
import { join, mix } from './hash.ts';

/** Features of one sentence: for each token, one or more arrays of buckets (static, document). */
export interface SentenceFeatures {
  toks: readonly Tok[];
  feats: readonly (readonly Int32Array[])[];
}

export class Perceptron {
  readonly mask: number;
  readonly w: Float32Array;
  private acc: Float64Array | null = null;
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

  private score(groups: readonly Int32Array[], dyn: Int32Array, out: Float64Array): void {
    const nt = this.nt;
    const w = this.w;
    out.fill(0);
    for (const g of groups) {
      for (let k = 0; k < g.length; k++) {
        const base = g[k]! * nt;
        for (let t = 0; t < nt; t++) out[t]! += w[base + t]!;
      }
    }
    for (let k = 0; k < dyn.length; k++) {
      const base = dyn[k]! * nt;
      for (let t = 0; t < nt; t++) out[t]! += w[base + t]!;
    }
  }

  private bump(groups: readonly Int32Array[], dyn: Int32Array, tag: number, delta: number): void {
    const nt = this.nt;
    const w = this.w;
    const acc = this.acc!;
    const cd = this.c * delta;
    for (const g of groups) {
      for (let k = 0; k < g.length; k++) {
        const i = g[k]! * nt + tag;
        w[i]! += delta;
        acc[i]! += cd;
      }
    }
    for (let k = 0; k < dyn.length; k++) {
      const i = dyn[k]! * nt + tag;
      w[i]! += delta;
      acc[i]! += cd;
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
      const groups = s.feats[i]!;
      this.score(groups, dyn, scores);
      let best = 0;
      for (let t = 1; t < this.nt; t++) if (scores[t]! > scores[best]!) best = t;
      if (gold) {
        const g = gold[i]!;
        if (best !== g) {
          this.bump(groups, dyn, g, 1);
          this.bump(groups, dyn, best, -1);
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
