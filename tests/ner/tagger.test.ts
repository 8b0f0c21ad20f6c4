import { describe, expect, it } from 'vitest';
import { loadTagger } from '../../src/ner/index.ts';
import { DEFAULT_MODEL_PATH } from '../../src/ner/paths.ts';

const tagger = loadTagger();
const found = (text: string): string[] => tagger.tagText(text).map((s) => `${s.type}:${s.text}`);

describe('model', () => {
  it('loads once and is cached', () => {
    expect(loadTagger()).toBe(tagger);
  });
  it('loads from an explicit path', () => {
    const t = loadTagger(DEFAULT_MODEL_PATH);
    expect(t).not.toBe(tagger);
    expect(t.tagDocuments([[['Oslo']]])).toHaveLength(1);
  });
});

describe('tagText', () => {
  it('finds people, organisations and places in plain sentences', () => {
    expect(found('Angela Merkel met the head of Volkswagen in Munich on Monday.')).toEqual(['PER:Angela Merkel', 'ORG:Volkswagen', 'LOC:Munich']);
    expect(found('The chairman of Renault, Louis Schweitzer, flew to Tokyo on Monday.')).toEqual(['ORG:Renault', 'PER:Louis Schweitzer', 'LOC:Tokyo']);
  });

  it('handles accents, curly quotes and hyphenated first names', () => {
    const spans = found('“We are exhausted,” said Jean-Luc Lefèvre, a police officer in Marseille.');
    expect(spans).toContain('PER:Jean-Luc Lefèvre');
    expect(spans).toContain('LOC:Marseille');
  });

  it('finds a long organisation name and a university', () => {
    const spans = found('Marie Dubois, a sociologist at the University of Lille, spoke to the Union of Police Officers.');
    expect(spans).toContain('PER:Marie Dubois');
    expect(spans).toContain('ORG:University of Lille');
    expect(spans).toContain('ORG:Union of Police Officers');
  });

  it('gives offsets into the original text', () => {
    const text = 'In Toulouse, the union\u2019s leader Thomas Girard spoke.\n\nGirard works in Lyon.';
    for (const s of tagger.tagText(text)) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(found(text)).toEqual(['LOC:Toulouse', 'PER:Thomas Girard', 'PER:Girard', 'LOC:Lyon']);
  });

  it('returns nothing for empty or entity-free text', () => {
    expect(tagger.tagText('')).toEqual([]);
    expect(tagger.tagText('   \n ')).toEqual([]);
    expect(tagger.tagText('it was raining all day.')).toEqual([]);
  });
});

describe('tagDocuments', () => {
  it('returns IOB2 tags aligned to the tokens', () => {
    const docs = [[['Barack', 'Obama', 'visited', 'Kenya', '.'], ['He', 'spoke', 'to', 'the', 'United', 'Nations', '.']], [], [[]]];
    const tags = tagger.tagDocuments(docs);
    expect(tags).toHaveLength(3);
    expect(tags[0]![0]).toEqual(['B-PER', 'I-PER', 'O', 'B-LOC', 'O']);
    expect(tags[0]![1]).toEqual(['O', 'O', 'O', 'O', 'B-ORG', 'I-ORG', 'O']);
    expect(tags[1]).toEqual([]);
    expect(tags[2]).toEqual([[]]);
  });
});

describe('hand-written news in the archive’s domain', () => {
  it('finds most names, with the right type (overlap match)', async () => {
    const { readFileSync } = await import('node:fs');
    const { readBracketedFile } = await import('../../src/ner/bracketed.ts');
    const { text, spans: gold } = readBracketedFile(readFileSync(new URL('./fixtures/french-news.txt', import.meta.url), 'utf8'));
    expect(gold.length).toBeGreaterThan(50);
    const found = tagger.tagText(text);
    const hit = (s: { start: number; end: number; type: string }, xs: readonly { start: number; end: number; type: string }[]): boolean =>
      xs.some((x) => x.type === s.type && x.start < s.end && s.start < x.end);
    const recall = gold.filter((g) => hit(g, found)).length / gold.length;
    const precision = found.filter((f) => hit(f, gold)).length / found.length;
    expect(recall).toBeGreaterThan(0.8);
    expect(precision).toBeGreaterThan(0.8);
  });
});
