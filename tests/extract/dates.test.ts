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
});
