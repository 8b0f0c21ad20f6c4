import { describe, expect, it } from 'vitest';
import { body, extractText, type Names } from '../helpers/extract.ts';

type Case = [name: string, paragraphs: string[], names: Names, expected: { label: string; by: string[] }[]];

const union: Names = { ORG: ['Harbour Workers Union'], PER: ['Jane Roe'] };

const cases: Case[] = [
  ['a sentence that demands', ['The Harbour Workers Union demands a pay rise for all dockers.'], union, [{ label: 'A pay rise for all dockers', by: ['Harbour Workers Union'] }]],
  ['a call for something', ['The Harbour Workers Union is calling for a ban on night shifts.'], union, [{ label: 'A ban on night shifts', by: ['Harbour Workers Union'] }]],
  ['a call with a day in between', ['The Harbour Workers Union called on Monday for a national strike.'], union, [{ label: 'A national strike', by: ['Harbour Workers Union'] }]],
  ['a push for something', ['Dockers marched on Monday to push for a law on safety.'], {}, [{ label: 'A law on safety', by: [] }]],
  ['an urge', ['Jane Roe urged the minister to reopen the talks.'], union, [{ label: 'Reopen the talks', by: ['Jane Roe'] }]],
  ['a promise to study', ['The ministry promised to study a new pension scheme.'], { ORG: ['ministry'] }, [{ label: 'A new pension scheme', by: [] }]],
  ['a demand inside a quote, made by its speaker', ['“A fair wage: this is what we have been demanding for ten years,” said Jane Roe.'], union, [{ label: 'A fair wage', by: ['Jane Roe'] }]],
  [
    'an explicit list',
    ['Jane Roe, general secretary of the Harbour Workers Union, spoke.', 'The dockers demand that the port accept their demands:', '- Safety gear. Every docker must have it.', '- Shorter shifts. Twelve hours is too long.'],
    union,
    [
      { label: 'Safety gear', by: ['Harbour Workers Union'] },
      { label: 'Shorter shifts', by: ['Harbour Workers Union'] },
    ],
  ],
  [
    'a list after a past tense, made by the subject of its introduction',
    ['The Harbour Workers Union demanded:', '- a ban on imports that do not meet safety standards;', '- compensation for dockers hit by falling wages.'],
    union,
    [
      { label: 'A ban on imports that do not meet safety standards', by: ['Harbour Workers Union'] },
      { label: 'Compensation for dockers hit by falling wages', by: ['Harbour Workers Union'] },
    ],
  ],
  ['a demand of an amount, whole', ['The Harbour Workers Union is demanding an 8% pay rise.'], union, [{ label: 'An 8% pay rise', by: ['Harbour Workers Union'] }]],
  [
    'a list after a progressive tense, made by the union the article quotes',
    ['Jane Roe, general secretary of the Harbour Workers Union, spoke.', 'The union is demanding:', '- pay raises of 30% over three years;', '- limits on scheduling changes.'],
    union,
    [
      { label: 'Pay raises of 30% over three years', by: ['Harbour Workers Union'] },
      { label: 'Limits on scheduling changes', by: ['Harbour Workers Union'] },
    ],
  ],
  [
    'a list introduced by "the union", made by the organization the article calls so',
    ['The Air Pilots Association said members backed a strike. Jane Roe, president of the union, spoke.', 'The Harbour Board said talks would go on. Luc Petit, a Harbour Board spokesman, said so.', 'The union is demanding:', '- a pay rise;', '- shorter shifts.'],
    { PER: ['Jane Roe', 'Luc Petit'], ORG: ['Harbour Board', 'Air Pilots Association'] },
    [
      { label: 'A pay rise', by: ['Air Pilots Association'] },
      { label: 'Shorter shifts', by: ['Air Pilots Association'] },
    ],
  ],
  ['a demand in quotes, with the comment after it left out', ['The Harbour Workers Union is demanding "minimum sentences" for anyone who attacks a docker, a demand it has made since 2021.'], union, [{ label: '"Minimum sentences" for anyone who attacks a docker', by: ['Harbour Workers Union'] }]],
  ['a demand followed by its attribution', ['The Harbour Workers Union met in May.', 'The union has asked for a law that bans selling below cost, said Jane Roe, a farmer.'], union, [{ label: 'A law that bans selling below cost', by: ['Harbour Workers Union'] }]],
  ['a want in quotes', ['The Harbour Workers Union wants "clear rules" on overtime.'], union, [{ label: '"Clear rules" on overtime', by: ['Harbour Workers Union'] }]],
  ['a demand of two organizations named as its subject', ['The Harbour Workers Union and the Dockers Federation on Monday called for calm.'], { ORG: ['Harbour Workers Union', 'Dockers Federation'] }, [{ label: 'Calm', by: ['Harbour Workers Union', 'Dockers Federation'] }]],
  ['no demand from an accusation', ['Jane Roe accused the unions of "calling for civil war".'], union, []],
  ['a demand of several unions, none named', ['Jane Roe, general secretary of the Harbour Workers Union, spoke.', 'Unions have called on dockers to refuse overtime from March 1.'], union, [{ label: 'Refuse overtime from March 1', by: [] }]],
  ['a quoted demand, attributed after the quote', ['“We want a fair deal, nothing more,” said Jane Roe.'], union, [{ label: 'A fair deal, nothing more', by: ['Jane Roe'] }]],
  ['no demand from a noun', ['The minister acted in accordance with the demands of the Harbour Workers Union.'], union, []],
  ['no demand from a plan', ['The unions were going to ask him for his telephone number.'], {}, []],
  ['no demand from a private favour', ['Jane Roe asked him for a lift home.'], union, []],
];

describe('extractDemands', () => {
  for (const [name, paragraphs, names, expected] of cases) {
    it(`should read ${name}`, () => {
      const record = extractText(body(...paragraphs), names);
      expect(record.demands.map((d) => ({ label: d.label, by: [...d.by] }))).toEqual(expected);
    });
  }
});
