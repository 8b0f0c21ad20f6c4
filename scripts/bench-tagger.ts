/**
 * Tagging speed, as `npm run bench` reports it first: tokens a second on one core, for the
 * tagger alone (pre-tokenized CoNLL documents) and for raw text (tokenizing and sentence
 * splitting included). Medians of 5 passes after a warm-up; never a test.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { loadTagger, tokenize } from '../src/ner/index.ts';
import { readSplit, REPO_ROOT } from '../src/ner/data.ts';

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const time = (fn: () => void): number => {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e9;
};

const tagger = loadTagger();
const docs = readSplit('eng.testa').map((d) => d.map((s) => s.tokens));
const tokens = docs.flat(2).length;
tagger.tagDocuments(docs.slice(0, 20));
const conll = median(Array.from({ length: 5 }, () => time(() => tagger.tagDocuments(docs))));

const dir = path.join(REPO_ROOT, 'content', 'articles');
const text = readdirSync(dir).map((f) => readFileSync(path.join(dir, f), 'utf8')).join('\n\n').repeat(40);
const textTokens = tokenize(text).length;
tagger.tagText(text.slice(0, 5000));
const raw = median(Array.from({ length: 5 }, () => time(() => tagger.tagText(text))));

const rate = (n: number, s: number): string => `${Math.round(n / s).toLocaleString('en')} tokens/s`;
console.log('Tagger speed (one core, median of 5):');
console.log(`  CoNLL eng.testa, pre-tokenized: ${tokens.toLocaleString('en')} tokens, ${rate(tokens, conll)} (target ≥ 100,000)`);
console.log(`  raw article text (tokenizing included): ${textTokens.toLocaleString('en')} tokens, ${rate(textTokens, raw)}`);
