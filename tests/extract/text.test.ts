import { describe, expect, it } from 'vitest';
import { lastWordsStart, sentenceAt, splitSentences } from '../../src/text/sentences.ts';
import { nameKey } from '../../src/text/normalize.ts';
import { cleanSpan, isGenericName, acronymAfter } from '../../src/extract/names.ts';
import { blocksOfText, kindOfLine } from '../../src/read/blocks.ts';

describe('splitSentences', () => {
  const cases: [string, string[]][] = [
    ['One. Two.', ['One.', 'Two.']],
    ['Mr. Smith came. He left.', ['Mr. Smith came.', 'He left.']],
    ['A sum of 60.000 € was paid. Then more.', ['A sum of 60.000 € was paid.', 'Then more.']],
    ['“It is over.” She left.', ['“It is over.”', 'She left.']],
    ['Decree No. 2013-700 of July 30, 2013 art. 122 specifies it.', ['Decree No. 2013-700 of July 30, 2013 art. 122 specifies it.']],
    ['J. R. R. Tolkien wrote. Yes?', ['J. R. R. Tolkien wrote.', 'Yes?']],
  ];
  for (const [input, expected] of cases) {
    it(`should split ${JSON.stringify(input)}`, () => {
      expect(splitSentences(input).map((s) => s.text)).toEqual(expected);
    });
  }
  it('should keep offsets that point at the sentence', () => {
    const text = 'First one.  Second one!';
    for (const s of splitSentences(text)) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
  it('should read a word before a full stop whole, letters outside the Basic Multilingual Plane too', () => {
    expect(splitSentences('He met Dr. Roe. Then left.').map((s) => s.text)).toEqual(['He met Dr. Roe.', 'Then left.']);
    expect(splitSentences('He met Xdr. Roe.').map((s) => s.text)).toEqual(['He met Xdr.', 'Roe.']);
    expect(splitSentences('He met 𝐀dr. Roe.').map((s) => s.text)).toEqual(['He met 𝐀dr.', 'Roe.']);
    expect(splitSentences('Signed by 𝐀. Roe.').map((s) => s.text)).toEqual(['Signed by 𝐀. Roe.']);
  });
  // Each of these once took time growing with the square of its length (a property test's input
  // ran past CI's time limit): minutes at these lengths, where a pass takes milliseconds.
  it('should try a boundary once for a run of stops that ends none', () => {
    const text = `Word ${'…'.repeat(200_000)}${'!?'.repeat(100_000)} and on.`;
    expect(splitSentences(text).map((s) => s.text)).toEqual([text]);
  });
  it('should read only the word just before a full stop', () => {
    const long = `${'x'.repeat(1_000_000)} 7.`;
    expect(splitSentences(`${long} Next one.`).map((s) => s.text)).toEqual([long, 'Next one.']);
  });
  it('should read initials one after another without going back to the sentence start', () => {
    const text = `Signed ${'A. '.repeat(400_000)}Roe.`;
    expect(splitSentences(text).map((s) => s.text)).toEqual([text]);
  });
});

describe('sentenceAt', () => {
  it('should find the sentence of every offset, or the last one between sentences', () => {
    const text = 'One two.  Three four! Five?   Six';
    const sentences = splitSentences(text);
    for (let offset = 0; offset <= text.length; offset++) {
      const within = sentences.find((s) => offset >= s.start && offset < s.end) ?? sentences.at(-1);
      expect(sentenceAt(sentences, offset)).toBe(within);
    }
    expect(sentenceAt([], 3)).toBeUndefined();
  });
});

describe('lastWordsStart', () => {
  const text = 'Alpha beta,  gamma delta';
  it('should find where the last words before an offset begin', () => {
    expect(text.slice(lastWordsStart(text, 0, text.length, 2))).toBe('gamma delta');
    expect(text.slice(lastWordsStart(text, 0, text.length, 3))).toBe('beta,  gamma delta');
    expect(text.slice(lastWordsStart(text, 0, 11, 1), 11)).toBe('beta,');
  });
  it('should not go before the start it is given', () => {
    expect(lastWordsStart(text, 8, text.length, 10)).toBe(8);
  });
  it('should leave out a word longer than any it reads for', () => {
    const long = `${'x'.repeat(1000)} its general secretary `;
    expect(long.slice(lastWordsStart(long, 0, long.length, 6)).trim()).toBe('its general secretary');
  });
});

describe('nameKey', () => {
  const same: [string, string][] = [
    ['Gérald Darmanin', 'Gerald Darmanin'],
    ['al-Qaeda', 'Al Qaeda'],
    ['L’Express', "L'Express"],
    ['the Harbour Union', 'Harbour Union'],
  ];
  for (const [a, b] of same) it(`should give ${a} and ${b} one key`, () => expect(nameKey(a)).toBe(nameKey(b)));
  it('should keep different names apart', () => expect(nameKey('National Rally')).not.toBe(nameKey('National Assembly')));
});

describe('cleanSpan', () => {
  const cases: [string, string][] = [
    ['the Harbour Union', 'Harbour Union'],
    ['“Jane Roe,', 'Jane Roe'],
    ["Roe's", 'Roe'],
    ['When Gérard', 'Gérard'],
    ['(ACME)', 'ACME'],
  ];
  for (const [input, expected] of cases) {
    it(`should clean ${JSON.stringify(input)} to ${JSON.stringify(expected)}`, () => {
      const span = cleanSpan(input, 0, input.length);
      expect(span && input.slice(span.start, span.end)).toBe(expected);
    });
  }
});

describe('isGenericName', () => {
  const cases: [string, boolean][] = [
    ['Police', true],
    ['police', true],
    ['Wednesday', true],
    ['Jane Roe', false],
    ['Harbour Union', false],
    ['Ministry', true],
  ];
  for (const [name, generic] of cases) it(`should judge ${name} ${generic ? 'generic' : 'a name'}`, () => expect(isGenericName(name)).toBe(generic));
});

describe('acronymAfter', () => {
  const cases: [string, string | undefined][] = [
    [' (HWU) said', 'HWU'],
    ['(CESDIP), a centre', 'CESDIP'],
    [' (in 2019)', undefined],
    [' said', undefined],
  ];
  for (const [after, acronym] of cases) it(`should read ${JSON.stringify(after)}`, () => expect(acronymAfter(after)).toBe(acronym));
});

describe('kindOfLine', () => {
  const cases: [string, string][] = [
    ['- The protection of identity. We demand it.', 'item'],
    ['The view of the police', 'heading'],
    ['“The way to operate, it was blackmail”', 'heading'],
    ['Police officers marched on Wednesday in Paris.', 'paragraph'],
  ];
  for (const [line, kind] of cases) it(`should read ${JSON.stringify(line)} as a ${kind}`, () => expect(kindOfLine(line)).toBe(kind));
});

describe('blocksOfText', () => {
  it('should keep a list item without its bullet or number, as Markdown does, on its own line', () => {
    expect(blocksOfText('The union demands:\n- a law on protection;\n2. more investigators.\n', 5)).toEqual([
      { kind: 'paragraph', text: 'The union demands:', line: 5 },
      { kind: 'item', text: 'a law on protection;', line: 6 },
      { kind: 'item', text: 'more investigators.', line: 7 },
    ]);
  });
});
