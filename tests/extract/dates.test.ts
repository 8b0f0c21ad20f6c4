import { describe, expect, it } from 'vitest';
import { body, extractText } from '../helpers/extract.ts';

const withDate = (date: string, text: string): string => `---\ndate: ${date}\n---\n${body(text)}`;

describe('extractEvents', () => {
  const cases: [name: string, date: string, text: string, expected: { iso: string; approximate: boolean }[]][] = [
    ['a full date', '2021-05-19', 'The law was passed on April 14, 2021 after a long debate.', [{ iso: '2021-04-14', approximate: false }]],
    ['a month and year', '2022-05', 'He was elected in April 2019 by the members.', [{ iso: '2019-04', approximate: false }]],
    ['a weekday against a day', '2021-05-19', 'Officers marched on Wednesday outside parliament.', [{ iso: '2021-05-19', approximate: true }]],
    ['"last Friday" against a day', '2021-05-19', 'She was killed last Friday in her station.', [{ iso: '2021-05-14', approximate: true }]],
    ['a weekday against a month, only to the month', '2021-05', 'He was shot on Wednesday in the street.', [{ iso: '2021-05', approximate: true }]],
    ['no event from a time of day or "now"', '2021-05-19', 'Every morning at 10 the officers meet; now they march.', []],
  ];
  for (const [name, date, text, expected] of cases) {
    it(`should resolve ${name}`, () => {
      const record = extractText(withDate(date, text));
      expect(record.events.map((e) => ({ iso: e.date.iso, approximate: e.date.approximate }))).toEqual(expected);
    });
  }
  it('should keep the publication date at its precision', () => {
    expect(extractText(withDate('2021-05', 'Text.')).date).toEqual({ iso: '2021-05', precision: 'month', approximate: false });
  });
  it('should infer a publication date from the text when none is given, marked approximate', () => {
    const record = extractText(body('The strike began on March 3, 2020 and ended on March 9, 2020.'));
    expect(record.date).toEqual({ iso: '2020-03', precision: 'month', approximate: true });
  });
  it('should take the date of a wire date line opening the first paragraph, and keep the paragraph', () => {
    const record = extractText(body('PARIS, March 3, 2023 - Yves Lefebvre, who led the union for fifteen years, announced on Friday that he was stepping down.'));
    expect(record.date).toEqual({ iso: '2023-03-03', precision: 'day', approximate: false });
    expect(record.blocks[0]!.text).toMatch(/^PARIS, March 3, 2023 - Yves/u);
  });
  it('should find no event in a date counted from another happening', () => {
    const record = extractText(withDate('2025-10-12', 'Unions called on Sunday for a protest, four days after the death of an officer.'));
    expect(record.events.map((e) => e.expression)).toEqual(['on Sunday']);
  });
  it('should find no event in a length of time', () => {
    const record = extractText(withDate('2024-04-05', 'A commander was suspended on Friday for four months.'));
    expect(record.events.map((e) => e.expression)).toEqual(['on Friday']);
  });
  it('should find no event in a relative date when the article has no date to read it against', () => {
    const record = extractText(body('The airline had revenue of $50 billion last year, and will report again in May.'));
    expect(record.date).toBeNull();
    expect(record.events).toEqual([]);
  });
});

describe('findDateline (a line that only dates the article)', () => {
  const cases: [line: string, iso: string][] = [
    ['November 3, 2024', '2024-11-03'],
    ['Published on 12 March 2025', '2025-03-12'],
    ['Updated: 3 Nov 2024 14:32 GMT', '2024-11-03'],
    ['Posted 2023-06-01', '2023-06-01'],
    ['Paris, 2 January 2026', '2026-01-02'],
    ['ROTTERDAM — November 3, 2024', '2024-11-03'],
  ];
  for (const [line, iso] of cases) {
    it(`should take "${line}" as the publication date and leave it out of the body`, () => {
      const record = extractText(body(line, 'The strike began on Monday at the port.'));
      expect(record.date).toEqual({ iso, precision: 'day', approximate: false });
      expect(record.blocks.map((b) => b.text)).toEqual(['The strike began on Monday at the port.']);
      expect(record.dropped).toContainEqual({ line: 5, text: line, reason: 'the date line: shown as the page date' });
      expect(record.problems.filter((p) => p.message.includes('date'))).toEqual([]);
    });
  }
  const not: [name: string, line: string][] = [
    ['a subheading that holds a date', 'Talks resume on March 3, 2020'],
    ['a month without a day', 'March 2020'],
    ['a sentence with a date', 'The law was passed on April 14, 2021 after a long debate and a vote in the senate.'],
  ];
  for (const [name, line] of not) {
    it(`should keep ${name} in the body`, () => {
      const record = extractText(body(line, 'The strike began at the port.'));
      expect(record.blocks.map((b) => b.text)).toEqual([line, 'The strike began at the port.']);
      expect(record.date?.approximate ?? true).toBe(true);
    });
  }
  it('should look only at the first lines, before a long paragraph', () => {
    const long = 'Thousands of dock workers stopped work after talks between the union and the employers broke down.';
    const record = extractText(body(long, 'November 3, 2024'));
    expect(record.blocks.map((b) => b.text)).toEqual([long, 'November 3, 2024']);
  });
  it('should let the front matter date win, and still leave the date line out', () => {
    const record = extractText(withDate('2024-11-04', 'November 3, 2024\n\nThe strike began at the port.'));
    expect(record.date).toEqual({ iso: '2024-11-04', precision: 'day', approximate: false });
    expect(record.blocks.map((b) => b.text)).toEqual(['The strike began at the port.']);
  });
});
