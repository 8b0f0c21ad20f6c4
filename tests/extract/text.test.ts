import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/text/sentences.ts';
import { nameKey } from '../../src/text/normalize.ts';
import { cleanSpan, isGenericName, acronymAfter } from '../../src/extract/names.ts';
import { kindOfLine } from '../../src/read/blocks.ts';

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
