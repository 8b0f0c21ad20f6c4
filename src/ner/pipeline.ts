/** The two-pass tagging pipeline: local features → first pass → document features → second pass. */
import { documentFeatures } from './docfeatures.ts';
import { prepareDocument, staticFeatures, type Sent } from './features.ts';
import type { Lexicon } from './lexicon.ts';
import { Perceptron } from './perceptron.ts';
import { tagSet, toIob2, transitions, type Scheme } from './spans.ts';

export class NerModel {
  readonly tags: string[];
  readonly mask: number;

  constructor(
    readonly scheme: Scheme,
    readonly bits: number,
    readonly lex: Lexicon,
    readonly pass1: Perceptron,
    readonly pass2: Perceptron,
  ) {
    this.tags = tagSet(scheme);
    this.mask = (1 << bits) - 1;
    pass1.allowed = pass2.allowed = transitions(scheme);
  }

  /** Tag one document (sentences of tokens); returns IOB2 tags. */
  tagDocument(sentences: readonly (readonly string[])[]): string[][] {
    const prepared = prepareDocument(sentences);
    return this.tagPrepared(prepared).map(toIob2);
  }

  /** Tag prepared sentences of one document; returns tags in the model's scheme. */
  tagPrepared(doc: readonly Sent[]): string[][] {
    const stat = doc.map((s) => staticFeatures(s, this.lex, this.mask));
    const first = doc.map((s, i) => this.pass1.decode({ toks: s.toks, tables: [stat[i]!] }).map((t) => this.tags[t]!));
    const dfeats = documentFeatures(doc, first, this.mask);
    return doc.map((s, i) =>
      this.pass2.decode({ toks: s.toks, tables: [stat[i]!, dfeats[i]!] }).map((t) => this.tags[t]!),
    );
  }
}
