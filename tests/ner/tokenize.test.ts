import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/ner/index.ts';
import { fold } from '../../src/ner/fold.ts';
import { splitSentences } from '../../src/ner/sentences.ts';

const cases: [string, string[]][] = [
  ['Peter Blackburn said.', ['Peter', 'Blackburn', 'said', '.']],
  ['Jean-Luc Mélenchon met Stéphanie Montfermé.', ['Jean-Luc', 'Mélenchon', 'met', 'Stéphanie', 'Montfermé', '.']],
  ['He told L’Express: “We are tired.”', ['He', 'told', 'L’Express', ':', '“', 'We', 'are', 'tired', '.', '”']],
  ['Some 60,000 officers (about 40%) marched.', ['Some', '60,000', 'officers', '(', 'about', '40%', ')', 'marched', '.']],
  ['It cost €1.5 million, or $2 billion.', ['It', 'cost', '€', '1.5', 'million', ',', 'or', '$', '2', 'billion', '.']],
  ['Mr. Smith of the U.S. Army left at 3 p.m. today.', ['Mr.', 'Smith', 'of', 'the', 'U.S.', 'Army', 'left', 'at', '3', 'p.m.', 'today', '.']],
  ["The union's leader didn't come.", ['The', 'union', "'s", 'leader', 'did', "n't", 'come', '.']],
  ['The officers’ union’s demands', ['The', 'officers', '’', 'union', '’s', 'demands']],
  ['The Union of Police Officers (UDO) Unsa', ['The', 'Union', 'of', 'Police', 'Officers', '(', 'UDO', ')', 'Unsa']],
  ['BRUSSELS 1996-08-22', ['BRUSSELS', '1996-08-22']],
  ['police—and unions', ['police', '—', 'and', 'unions']],
  ['O\'Brien and J. R. Smith', ["O'Brien", 'and', 'J.', 'R.', 'Smith']],
  ['Wait... what?', ['Wait', '...', 'what', '?']],
  ['', []],
];

describe('tokenize', () => {
  it.each(cases)('%s', (text, expected) => {
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.text)).toEqual(expected);
    for (const t of tokens) {
      expect(text.slice(t.start, t.end)).toBe(t.text);
      expect(t.end).toBeGreaterThan(t.start);
    }
    // Offsets increase and never overlap.
    for (let i = 1; i < tokens.length; i++) expect(tokens[i]!.start).toBeGreaterThanOrEqual(tokens[i - 1]!.end);
  });

  // Regression: each dash of a chunk was split off by a recursive call, and a rule drawn with thousands
  // of `–` (found by tests/robust/property.test.ts) overflowed the stack.
  it('should split chunks of tens of thousands of dashes and ellipses, every token on its text', () => {
    const text = `A ${'a–'.repeat(20_000)} ${'–'.repeat(30_000)} ${'...x'.repeat(10_000)}`;
    const tokens = tokenize(text);
    // `A`; `a` `–` twenty thousand times; thirty thousand `–`; `...` `x` ten thousand times.
    expect(tokens.length).toBe(1 + 40_000 + 30_000 + 20_000);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
  });
});

describe('fold', () => {
  it.each([
    ['Stéphanie', 'Stephanie'],
    ['L’Express', "L'Express"],
    ['“', '"'],
    ['Vanhemelryck', 'Vanhemelryck'],
    ['Œuvre', 'OEuvre'],
  ])('%s → %s', (a, b) => expect(fold(a)).toBe(b));
});

describe('splitSentences', () => {
  const split = (text: string): string[] => splitSentences(text, tokenize(text)).map((s) => s.map((t) => t.text).join(' '));
  it('splits at full stops before capitals, keeps closing quotes, ignores abbreviations', () => {
    expect(split('Mr. Dupont spoke. “We will strike.” The union agreed.')).toEqual([
      'Mr. Dupont spoke .',
      '“ We will strike . ”',
      'The union agreed .',
    ]);
  });
  it('splits at line breaks', () => {
    expect(split('Police unions\nParis, France')).toEqual(['Police unions', 'Paris , France']);
  });
});
