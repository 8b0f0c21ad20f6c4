import { describe, expect, it } from 'vitest';
import { findByline } from '../../src/extract/headline.ts';
import { body, extractText } from '../helpers/extract.ts';

const lines = (...texts: string[]): { text: string }[] => texts.map((text) => ({ text }));

describe('findByline', () => {
  const bylines: [line: string, author: string][] = [
    ['By Hanna de Vries', 'Hanna de Vries'],
    ['By Jane Roe and Luc Petit', 'Jane Roe and Luc Petit'],
    ['BY JANE ROE in Paris', 'JANE ROE in Paris'],
    ['By Jane Roe, Reuters', 'Jane Roe, Reuters'],
    ['By J. Roe', 'J. Roe'],
  ];
  for (const [line, author] of bylines) {
    it(`should read "${line}" as a byline`, () => expect(findByline(lines(line, 'The strike began.'))).toEqual({ index: 0, author }));
  }
  const not = [
    'By Monday, talks had collapsed',
    'By the time the police arrived the crowd had gone',
    'By Christmas Eve the strike had spread.',
    'By Air France and by train, the delegates came from every port of the country to the congress',
  ];
  for (const line of not) it(`should not read "${line}" as a byline`, () => expect(findByline(lines(line, 'The strike began.'))).toBeNull());
  it('should look only at the first three lines, before a long paragraph', () => {
    expect(findByline(lines('Published on 3 November 2024', 'Farmers', 'By Jane Roe'))).toEqual({ index: 2, author: 'Jane Roe' });
    expect(findByline(lines('Thousands of dock workers stopped work after talks with the employers broke down.', 'By Jane Roe'))).toBeNull();
  });
});

describe('the byline of an article', () => {
  it('should be its author, and leave the body', () => {
    const record = extractText(body('By Jane Roe', 'The strike began at the port.'));
    expect(record.author).toBe('Jane Roe');
    expect(record.blocks.map((b) => b.text)).toEqual(['The strike began at the port.']);
    expect(record.dropped).toContainEqual({ line: 5, text: 'By Jane Roe', reason: 'the byline: shown under the headline' });
  });
  it('should give way to the front matter’s author', () => {
    expect(extractText(`---\nauthor: Luc Petit\n---\n${body('By Jane Roe', 'The strike began at the port.')}`).author).toBe('Luc Petit');
  });
  it('should be null when the text has none', () => {
    expect(extractText(body('The strike began at the port.')).author).toBeNull();
  });
});

describe('the furniture of a web page pasted with the text', () => {
  it('should be dropped with its reason, so that the byline and the date line are found under it', () => {
    const text = [
      'Unions call for zero tolerance',
      '',
      'Share on Facebook',
      'Copy link',
      'By Marc Leroy',
      'Published on July 3, 2023 at 6:45 p.m. Updated July 3, 2023 at 8:10 p.m.',
      'The Harbour Workers Union on Monday called for calm after five nights of violence.',
      'Read also: what we know about the night of the riots',
      'Advertisement',
      'The union met the minister on Tuesday.',
      '(Photo: AFP)',
      'Subscribe to our newsletter',
    ].join('\n');
    const record = extractText(text);
    expect(record.author).toBe('Marc Leroy');
    expect(record.date).toEqual({ iso: '2023-07-03', precision: 'day', approximate: false });
    expect(record.blocks.map((b) => b.text)).toEqual(['The Harbour Workers Union on Monday called for calm after five nights of violence.', 'The union met the minister on Tuesday.']);
    expect(record.dropped.filter((d) => d.reason.startsWith('web page furniture')).map((d) => d.text)).toEqual(['Share on Facebook', 'Copy link', 'Read also: what we know about the night of the riots', 'Advertisement', '(Photo: AFP)', 'Subscribe to our newsletter']);
  });
  it('should keep a sentence that begins like it', () => {
    const record = extractText(body('Share prices fell on Monday after the union called a strike at the port of Rotterdam.'));
    expect(record.blocks).toHaveLength(1);
  });
});
