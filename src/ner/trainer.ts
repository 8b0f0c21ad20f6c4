/**
 * Training: two averaged perceptrons, stacked.
 *
 * Lexicon features of a training document are computed with a lexicon built from the OTHER folds
 * (so the model learns how far a look-up can be trusted on unseen text), and the second pass is
 * trained on first-pass tags obtained by cross-validation (jack-knifing), as at test time.
 */
import type { ConllDoc } from './conll.ts';
import { documentFeatures } from './docfeatures.ts';
import { prepareDocument, staticFeatures, type FeatureTable, type Sent } from './features.ts';
import { Lexicon } from './lexicon.ts';
import { Perceptron, type SentenceFeatures } from './perceptron.ts';
import { NerModel } from './pipeline.ts';
import { rng, shuffle } from '../text/random.ts';
import { spansToTags, tagSet, tagsToSpans, transitions, type Scheme } from './spans.ts';

export interface TrainOptions {
  scheme: Scheme;
  bits: number;
  epochs1: number;
  epochs2: number;
  folds: number;
  seed: number;
  /** Number of models (different shuffles and folds) whose weights are averaged: less variance on new text. */
  bag: number;
  /** Decode with the scheme's transition constraints during training too. */
  constrained: boolean;
  log?: (msg: string) => void;
}

export const DEFAULTS: TrainOptions = { scheme: 'BIO', bits: 20, epochs1: 10, epochs2: 10, folds: 5, seed: 1996, bag: 3, constrained: false };

interface Item {
  doc: number;
  sent: number;
  gold: number[];
}

export function train(docs: readonly ConllDoc[], options: Partial<TrainOptions> = {}): NerModel {
  const o = { ...DEFAULTS, ...options };
  const models: NerModel[] = [];
  for (let b = 0; b < o.bag; b++) {
    o.log?.(`model ${b + 1}/${o.bag}`);
    models.push(trainOne(docs, { ...o, seed: o.seed + 1000 * b }));
  }
  const first = models[0]!;
  if (models.length === 1) return first;
  const avg = (ws: Float32Array[]): Float32Array => {
    const out = new Float32Array(ws[0]!.length);
    for (const w of ws) for (let i = 0; i < w.length; i++) out[i]! += w[i]! / ws.length;
    return out;
  };
  const nt = first.tags.length;
  return new NerModel(
    o.scheme,
    o.bits,
    first.lex,
    new Perceptron(nt, o.bits, avg(models.map((m) => m.pass1.w))),
    new Perceptron(nt, o.bits, avg(models.map((m) => m.pass2.w))),
  );
}

function trainOne(docs: readonly ConllDoc[], o: TrainOptions): NerModel {
  const log = o.log ?? ((): void => {});
  const mask = (1 << o.bits) - 1;
  const tags = tagSet(o.scheme);
  const tagIndex = new Map(tags.map((t, i) => [t, i]));
  const t0 = Date.now();
  const stamp = (): string => `${((Date.now() - t0) / 1000).toFixed(1)}s`;

  // Folds of documents.
  const order = shuffle(docs.map((_, i) => i), rng(o.seed));
  const fold = new Array<number>(docs.length);
  order.forEach((d, k) => (fold[d] = k % o.folds));

  // Prepared sentences and static features, with out-of-fold lexicons.
  const prepared: Sent[][] = docs.map((doc) => prepareDocument(doc.map((s) => s.tokens)));
  const stat: FeatureTable[][] = new Array(docs.length);
  for (let k = 0; k < o.folds; k++) {
    const lex = Lexicon.build(docs.filter((_, d) => fold[d] !== k));
    docs.forEach((_, d) => {
      if (fold[d] === k) stat[d] = prepared[d]!.map((s) => staticFeatures(s, lex, mask));
    });
  }
  log(`[${stamp()}] features ready`);

  const items: Item[] = [];
  docs.forEach((doc, d) =>
    doc.forEach((s, i) =>
      items.push({ doc: d, sent: i, gold: spansToTags(tagsToSpans(s.tags), s.tokens.length, o.scheme).map((t) => tagIndex.get(t)!) }),
    ),
  );

  const pass1Input = (it: Item): SentenceFeatures => ({ toks: prepared[it.doc]![it.sent]!.toks, tables: [stat[it.doc]![it.sent]!] });
  const fit = (p: Perceptron, subset: Item[], epochs: number, input: (it: Item) => SentenceFeatures, seed: number): void => {
    const rand = rng(seed);
    p.startTraining();
    if (o.constrained) p.allowed = transitions(o.scheme);
    const xs = subset.slice();
    for (let e = 0; e < epochs; e++) {
      shuffle(xs, rand);
      for (const it of xs) p.decode(input(it), it.gold);
    }
    p.average();
  };

  // Jack-knifed first-pass tags for every training document.
  const firstTags: string[][][] = docs.map((doc) => doc.map(() => []));
  for (let k = 0; k < o.folds; k++) {
    const p = new Perceptron(tags.length, o.bits);
    fit(p, items.filter((it) => fold[it.doc] !== k), o.epochs1, pass1Input, o.seed + k);
    for (const it of items) {
      if (fold[it.doc] === k) firstTags[it.doc]![it.sent] = p.decode(pass1Input(it)).map((t) => tags[t]!);
    }
    log(`[${stamp()}] fold ${k + 1}/${o.folds} done`);
  }

  const pass1 = new Perceptron(tags.length, o.bits);
  fit(pass1, items, o.epochs1, pass1Input, o.seed + 100);
  log(`[${stamp()}] pass 1 trained`);

  const dfeats = docs.map((_, d) => documentFeatures(prepared[d]!, firstTags[d]!, mask));
  const pass2 = new Perceptron(tags.length, o.bits);
  fit(
    pass2,
    items,
    o.epochs2,
    (it) => ({ toks: prepared[it.doc]![it.sent]!.toks, tables: [stat[it.doc]![it.sent]!, dfeats[it.doc]![it.sent]!] }),
    o.seed + 200,
  );
  log(`[${stamp()}] pass 2 trained`);

  return new NerModel(o.scheme, o.bits, Lexicon.build(docs), pass1, pass2);
}
