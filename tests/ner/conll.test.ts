import { describe, expect, it } from 'vitest';
import { parseConll, readConll, tagConll, writeConll, type Tagger } from '../../src/ner/index.ts';
import { tagsToSpans, toIob2, spansToTags } from '../../src/ner/spans.ts';

const sample = [
  'Anna NNP I-NP I-PER',
  'Karlsson NNP I-NP I-PER',
  'visits VBZ I-VP O',
  'Oslo NNP I-NP I-LOC',
  '. . O O',
  '',
  'She PRP I-NP O',
  'works VBZ I-VP O',
  '. . O O',
  '',
  '-DOCSTART- -X- O O',
  '',
  'Bergen NNP I-NP I-LOC',
  '',
  '-DOCSTART- -X- O O',
  '',
].join('\n');

/** A stand-in tagger, so these tests check the format and not the model. */
const fake: Tagger = {
  tagText: () => [],
  tagDocuments: (docs) => docs.map((d) => d.map((s) => s.map((t) => (/^[A-Z]/u.test(t) ? 'B-LOC' : 'O')))),
};

describe('CoNLL reading and writing', () => {
  it('splits documents at -DOCSTART- (here at the end of each document)', () => {
    const docs = readConll(sample);
    expect(docs).toHaveLength(2);
    expect(docs[0]).toHaveLength(2);
    expect(docs[0]![0]!.tokens).toEqual(['Anna', 'Karlsson', 'visits', 'Oslo', '.']);
    expect(docs[0]![0]!.tags).toEqual(['I-PER', 'I-PER', 'O', 'I-LOC', 'O']);
    expect(docs[1]![0]!.tokens).toEqual(['Bergen']);
  });

  it('handles -DOCSTART- at the start of documents and token-only lines', () => {
    const docs = readConll('-DOCSTART-\n\nA\nB\n\nC\n-DOCSTART-\nD\n');
    expect(docs.map((d) => d.map((s) => s.tokens))).toEqual([[['A', 'B'], ['C']], [['D']]]);
  });

  it('round-trips through writeConll', () => {
    const docs = readConll(sample);
    expect(readConll(writeConll(docs))).toEqual(docs);
  });

  it('records a position for every input line', () => {
    const layout = parseConll(sample);
    expect(layout.lines).toHaveLength(sample.split('\n').length - 1);
  });
});

describe('tagConll', () => {
  it('keeps the line count and copies blank and -DOCSTART- lines', () => {
    const out = tagConll(sample, fake);
    const inLines = sample.split('\n');
    const outLines = out.split('\n');
    expect(outLines).toHaveLength(inLines.length);
    expect(out.endsWith('\n')).toBe(true);
    inLines.forEach((line, i) => {
      if (line === '' || line.startsWith('-DOCSTART-')) expect(outLines[i]).toBe(line);
      else expect(outLines[i]).toMatch(/^\S+\t(O|[BI]-(PER|ORG|LOC|MISC))$/u);
    });
    expect(outLines[0]).toBe('Anna\tB-LOC');
    expect(outLines[2]).toBe('visits\tO');
  });

  it('keeps the absence of a trailing newline, and one-column input', () => {
    const input = 'Paris\nis\nbig\n\nRome';
    const out = tagConll(input, fake);
    expect(out).toBe('Paris\tB-LOC\nis\tO\nbig\tO\n\nRome\tB-LOC');
  });

  it('tags a file with the real model', () => {
    const out = tagConll('-DOCSTART- -X- O O\n\nAngela\nMerkel\nvisited\nParis\n.\n\n');
    const lines = out.split('\n');
    expect(lines).toHaveLength(9);
    expect(lines.slice(2, 7)).toEqual(['Angela\tB-PER', 'Merkel\tI-PER', 'visited\tO', 'Paris\tB-LOC', '.\tO']);
  });
});

describe('tag schemes', () => {
  it('reads IOB1, IOB2 and BILOU with conlleval rules', () => {
    expect(tagsToSpans(['I-PER', 'I-PER', 'B-PER', 'O', 'I-LOC'])).toEqual([
      { start: 0, end: 2, type: 'PER' },
      { start: 2, end: 3, type: 'PER' },
      { start: 4, end: 5, type: 'LOC' },
    ]);
    expect(toIob2(['I-ORG', 'I-ORG', 'O', 'I-MISC', 'I-LOC'])).toEqual(['B-ORG', 'I-ORG', 'O', 'B-MISC', 'B-LOC']);
    expect(spansToTags([{ start: 0, end: 3, type: 'ORG' }, { start: 3, end: 4, type: 'LOC' }], 4, 'BILOU')).toEqual(['B-ORG', 'I-ORG', 'L-ORG', 'U-LOC']);
  });
});
