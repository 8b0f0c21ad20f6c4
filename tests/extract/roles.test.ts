import { describe, expect, it } from 'vitest';
import { body, extractText, type Names } from '../helpers/extract.ts';

type Case = [name: string, text: string, names: Names, expected: { person: string; title: string; organization: string | null }[]];

const cases: Case[] = [
  ['an apposition with "of"', 'Jane Roe, general secretary of the Harbour Workers Union, spoke on Monday.', { PER: ['Jane Roe'], ORG: ['Harbour Workers Union'] }, [{ person: 'Jane Roe', title: 'general secretary', organization: 'Harbour Workers Union' }]],
  ['an apposition with "from"', 'Jane Roe, a spokeswoman from the Dockers Federation, declined to comment.', { PER: ['Jane Roe'], ORG: ['Dockers Federation'] }, [{ person: 'Jane Roe', title: 'spokeswoman', organization: 'Dockers Federation' }]],
  ['a title with a field', 'Paul Martin, professor of criminal law at the University of Lyon, disagrees.', { PER: ['Paul Martin'], ORG: ['University of Lyon'] }, [{ person: 'Paul Martin', title: 'professor of criminal law', organization: 'University of Lyon' }]],
  ['"its" for the organization of the sentence', 'The Harbour Workers Union held a rally, led by Jane Roe, its general secretary.', { PER: ['Jane Roe'], ORG: ['Harbour Workers Union'] }, [{ person: 'Jane Roe', title: 'general secretary', organization: 'Harbour Workers Union' }]],
  ['a possessive before the name', 'After the vote, its new spokesman, Luc Petit, resigned from the Dockers Federation.', { PER: ['Luc Petit'], ORG: ['Dockers Federation'] }, [{ person: 'Luc Petit', title: 'new spokesman', organization: 'Dockers Federation' }]],
  ['an organization before a title', 'Labour party leader Ann Smith was re-elected.', { PER: ['Ann Smith'], ORG: ['Labour'] }, [{ person: 'Ann Smith', title: 'party leader', organization: 'Labour' }]],
  ['a capitalized title before the name', 'Transport Minister Paul Martin visited the port.', { PER: ['Paul Martin'] }, [{ person: 'Paul Martin', title: 'Transport Minister', organization: null }]],
  ['a capitalized title after a verb', 'The union struck, accusing Education Minister Paul Martin of ignoring it.', { PER: ['Paul Martin'] }, [{ person: 'Paul Martin', title: 'Education Minister', organization: null }]],
  ['a title after a conjunction', 'Jane Roe protested, while President Paul Martin called for calm.', { PER: ['Jane Roe', 'Paul Martin'] }, [{ person: 'Paul Martin', title: 'President', organization: null }]],
  ['"the union\'s" after the name, with a title of two nouns', 'The Harbour Workers Union will strike, said Jane Roe, the union\'s general secretary.', { PER: ['Jane Roe'], ORG: ['Harbour Workers Union'] }, [{ person: 'Jane Roe', title: 'general secretary', organization: 'Harbour Workers Union' }]],
  ['"its" after the name, with a title of three nouns', 'The Dockers Federation met, and Luc Petit, its deputy general secretary, spoke.', { PER: ['Luc Petit'], ORG: ['Dockers Federation'] }, [{ person: 'Luc Petit', title: 'deputy general secretary', organization: 'Dockers Federation' }]],
  ['"its" for the organization of the sentence before', 'The Dockers Federation backed the call. Its head of health, Ann Smith, said the government must act.', { PER: ['Ann Smith'], ORG: ['Dockers Federation'] }, [{ person: 'Ann Smith', title: 'head of health', organization: 'Dockers Federation' }]],
  ['"its" for the article\'s organization when the sentence before does not open with one', 'The Harbour Union met. The Harbour Union voted. A former Dockers Federation member spoke. After the vote, its new spokesman, Luc Petit, resigned.', { PER: ['Luc Petit'], ORG: ['Harbour Union', 'Dockers Federation'] }, [{ person: 'Luc Petit', title: 'new spokesman', organization: 'Harbour Union' }]],
  ['a plural possessive before a title', 'Port Employers\' spokesman Peter Verhoeven said the demands would cost millions.', { PER: ['Peter Verhoeven'], ORG: ['Port Employers'] }, [{ person: 'Peter Verhoeven', title: 'spokesman', organization: 'Port Employers' }]],
  ['"president of the union" for the organization of the sentence before', 'The Harbour Workers Union said members backed a strike. Capt. Jane Roe, president of the union, said talks had failed.', { PER: ['Jane Roe'], ORG: ['Harbour Workers Union'] }, [{ person: 'Jane Roe', title: 'president', organization: 'Harbour Workers Union' }]],
  ['"its" for an organization after a description, opening the sentence before', 'The airport association Harbour Board criticized the strike. Its managing director, Luc Petit, called it excessive.', { PER: ['Luc Petit'], ORG: ['Harbour Board'] }, [{ person: 'Luc Petit', title: 'managing director', organization: 'Harbour Board' }]],
  ['a title before the name, in apposition', 'The health secretary, Jane Roe, said the strike put patients at risk.', { PER: ['Jane Roe'] }, [{ person: 'Jane Roe', title: 'health secretary', organization: null }]],
  ['a possessive title before forms of address', 'The Harbour Board\'s medical director, Professor Sir Luc Petit, said the walkout would hurt.', { PER: ['Luc Petit'], ORG: ['Harbour Board'] }, [{ person: 'Luc Petit', title: 'medical director', organization: 'Harbour Board' }]],
  [
    'a title in the plural, held by each of two people named before it',
    'Dr Jane Roe and Dr Luc Petit, co-chairs of the Harbour Workers Union, said the offer was low.',
    { PER: ['Jane Roe', 'Luc Petit'], ORG: ['Harbour Workers Union'] },
    [
      { person: 'Jane Roe', title: 'co-chair', organization: 'Harbour Workers Union' },
      { person: 'Luc Petit', title: 'co-chair', organization: 'Harbour Workers Union' },
    ],
  ],
  ['no title from words before a name that opens a clause', 'Talking about the cement industry in general, Jane Roe said output rose.', { PER: ['Jane Roe'] }, []],
  ['"of the same union" for the organization named last', 'Luc Petit, general secretary of the Harbour Workers Union, spoke. The Dockers Federation was silent. For Jane Roe, national delegate of the same union, the anger runs deep.', { PER: ['Luc Petit', 'Jane Roe'], ORG: ['Harbour Workers Union', 'Dockers Federation'] }, [{ person: 'Luc Petit', title: 'general secretary', organization: 'Harbour Workers Union' }, { person: 'Jane Roe', title: 'national delegate', organization: 'Dockers Federation' }]],
  ['a title with a field and a place, in apposition before the name', 'The prefect of police of the Bouches-du-Rhône, Jane Roe, announced a ceremony.', { PER: ['Jane Roe'] }, [{ person: 'Jane Roe', title: 'prefect of police', organization: null }]],
  ['a title after "until then"', 'Luc Petit, until then deputy general secretary, was elected.', { PER: ['Luc Petit'] }, [{ person: 'Luc Petit', title: 'deputy general secretary', organization: null }]],
  ['a title read from a relative clause\'s verb', 'Jane Roe, who led the Harbour Workers Union for fifteen years, stepped down.', { PER: ['Jane Roe'], ORG: ['Harbour Workers Union'] }, [{ person: 'Jane Roe', title: 'leader', organization: 'Harbour Workers Union' }]],
  ['no French name run on over English words', 'Jane Roe, secretary of the Alliance police union, spoke.', { PER: ['Jane Roe'], ORG: ['Alliance'] }, [{ person: 'Jane Roe', title: 'secretary', organization: 'Alliance' }]],
  ['no role where none is stated', 'Jane Roe met Paul Martin in Lyon on Monday.', { PER: ['Jane Roe', 'Paul Martin'], LOC: ['Lyon'] }, []],
  ['no role from a list of names', 'Jane Roe, Paul Martin and Luc Petit signed the letter.', { PER: ['Jane Roe', 'Paul Martin', 'Luc Petit'] }, []],
];

describe('extractRoles', () => {
  for (const [name, text, names, expected] of cases) {
    it(`should read ${name}`, () => {
      const record = extractText(body(text), names);
      expect(record.roles.map((r) => ({ person: r.person, title: r.title, organization: r.organization }))).toEqual(expected);
    });
  }
  // The words before each name were once read from the sentence's start, in time growing with
  // the square of a long word's length: a property test's input ran past CI's time limit.
  it('should read a title after a word of a hundred thousand letters', () => {
    const record = extractText(body(`${'x'.repeat(100_000)} Transport Minister Paul Martin visited the port.`), { PER: ['Paul Martin'] });
    expect(record.roles.map((r) => [r.person, r.title])).toEqual([['Paul Martin', 'Transport Minister']]);
  });
  it('should read the role of each of many people in one long sentence', () => {
    const people = Array.from({ length: 400 }, (_, i) => `Person${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + Math.floor(i / 26))} Roe`);
    const text = `${people.map((p, i) => (i % 2 ? `the Harbour Union's spokesman, ${p}` : `${p}, general secretary of the Dock Union`)).join(' and ')} met.`;
    const record = extractText(body(text), { PER: people, ORG: ['Harbour Union', 'Dock Union'] });
    expect(record.roles).toHaveLength(400);
    expect(record.roles.slice(0, 2).map((r) => [r.person, r.title, r.organization])).toEqual([
      [people[0], 'general secretary', 'Dock Union'],
      [people[1], 'spokesman', 'Harbour Union'],
    ]);
  });
  it('should keep the sentence as evidence', () => {
    const record = extractText(body('Jane Roe, general secretary of the Harbour Workers Union, spoke. Nobody listened.'), { PER: ['Jane Roe'], ORG: ['Harbour Workers Union'] });
    expect(record.roles[0]?.evidence.sentence).toBe('Jane Roe, general secretary of the Harbour Workers Union, spoke.');
  });
});

describe('names the tagger mislabels', () => {
  const cases: [string, string, Record<string, readonly string[]>][] = [
    ['a title after it', 'Christian Roe, director of the Harbour Institute, disagrees.', { MISC: ['Christian Roe'], ORG: ['Harbour Institute'] }],
    ['a speech verb before it', '“We cannot go on like this, reports Christian Roe, and nobody listens.”', { MISC: ['Christian Roe'] }],
    ['a person listed with it', 'Leaders like Christian Roe or Jane Doe came.', { MISC: ['Christian Roe'], PER: ['Jane Doe'] }],
  ];
  for (const [name, text, names] of cases) {
    it(`should read a name-shaped span as a person from ${name}`, () => {
      const record = extractText(body(text), names);
      expect(record.entities.find((e) => e.name === 'Christian Roe')?.kind).toBe('person');
    });
  }
  it('should read a given name and an initial as a person', () => {
    const record = extractText(body('The death of Nahel M. sparked riots.'), { ORG: ['Nahel M'] });
    expect(record.entities.map((e) => [e.name, e.kind])).toEqual([['Nahel M', 'person']]);
  });
  it('should leave a name-shaped span without such context alone', () => {
    const record = extractText(body('The Christian Democrats won the vote.'), { MISC: ['Christian Democrats'] });
    expect(record.entities.map((e) => e.name)).toEqual([]);
  });
});

describe('organization names the tagger splits', () => {
  const cases: [string, string, Record<string, readonly string[]>, string][] = [
    ['a name cut around connectors', 'Paul Martin, director of the Centre for Research on Law and Criminal Justice, spoke.', { PER: ['Paul Martin'], ORG: ['Centre for Research', 'Criminal Justice'] }, 'Centre for Research on Law and Criminal Justice'],
    ['a French name before an English noun', 'Members of the Syndicat national des dockers union walked out.', { ORG: ['Syndicat'] }, 'Syndicat national des dockers'],
    ['a French name with capitals', 'Members of the Alliance Police Nationale union marched.', { ORG: ['Alliance'] }, 'Alliance Police Nationale'],
  ];
  for (const [name, text, names, expected] of cases) {
    it(`should mend ${name}`, () => {
      const record = extractText(body(text), names);
      expect(record.entities.filter((e) => e.kind === 'organization').map((e) => e.name)).toEqual([expected]);
    });
  }
  it('should keep two organizations named side by side apart', () => {
    const record = extractText(body('The Harbour Union and the Dockers Federation signed.'), { ORG: ['Harbour Union', 'Dockers Federation'] });
    expect(record.entities.map((e) => e.name)).toEqual(['Harbour Union', 'Dockers Federation']);
  });
});
