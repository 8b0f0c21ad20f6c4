import { describe, expect, it } from 'vitest';
import { body, extractText, type Names } from '../helpers/extract.ts';

const namesOf = (text: string, names: Names): { people: string[]; organizations: string[] } => {
  const record = extractText(body(text), names);
  const of = (kind: string): string[] => record.entities.filter((e) => e.kind === kind).map((e) => e.name);
  return { people: of('person'), organizations: of('organization') };
};

describe('a person "of the" an organization, tagged as one organization', () => {
  it('should be split when the article names the person again by surname', () => {
    const text = 'Martha Okonkwo of the Royal College of Nursing said members would walk out. "We cannot wait," said Okonkwo.';
    expect(namesOf(text, { ORG: ['Martha Okonkwo of the Royal College of Nursing'], PER: ['Okonkwo'] })).toEqual({ people: ['Martha Okonkwo'], organizations: ['Royal College of Nursing'] });
  });
  it('should be split when the name begins with a known given name', () => {
    const text = 'Marie Vale of the Press Council said the text was revised.';
    expect(namesOf(text, { ORG: ['Marie Vale of the Press Council'] })).toEqual({ people: ['Marie Vale'], organizations: ['Press Council'] });
  });
  it('should stay whole when its first part holds an organization word', () => {
    // `Marie` is a given name, but `Alliance` makes the first part an organization's.
    const text = 'The Marie Alliance of the Left said members would walk out.';
    expect(namesOf(text, { ORG: ['Marie Alliance of the Left'] })).toEqual({ people: [], organizations: ['Marie Alliance of the Left'] });
  });
  it('should stay whole with nothing to say its first part is a person', () => {
    const text = 'Harbour Dockers of the North said the port would close.';
    expect(namesOf(text, { ORG: ['Harbour Dockers of the North'] })).toEqual({ people: [], organizations: ['Harbour Dockers of the North'] });
  });
});

describe('a known place the tagger read as an organization', () => {
  it('should be a place when listed with a place', () => {
    const record = extractText(body('Teachers will also march in Lyon and Marseille on Monday.'), { LOC: ['Lyon'], ORG: ['Marseille'] });
    expect(record.entities.map((e) => [e.name, e.kind])).toEqual([['Lyon', 'place'], ['Marseille', 'place']]);
  });
  it('should be a place after "in"', () => {
    const record = extractText(body('Teachers will also march in Marseille on Monday.'), { ORG: ['Marseille'] });
    expect(record.entities.map((e) => [e.name, e.kind])).toEqual([['Marseille', 'place']]);
  });
  it('should stay an organization elsewhere', () => {
    const record = extractText(body('Marseille beat Lyon 2-1 on Sunday.'), { ORG: ['Marseille', 'Lyon'] });
    expect(record.entities.map((e) => [e.name, e.kind])).toEqual([['Marseille', 'organization'], ['Lyon', 'organization']]);
  });
});

describe('a name with a list in it, cut at its commas by the tagger', () => {
  it('should be one name when the acronym after it stands for the whole', () => {
    const text = 'The National Union of Rail, Maritime and Transport Workers (RMT) said it would strike.';
    const record = extractText(body(text), { ORG: ['National Union of Rail', 'Maritime', 'Transport Workers'] });
    expect(record.entities.map((e) => [e.name, e.kind, e.aliases])).toEqual([['National Union of Rail, Maritime and Transport Workers', 'organization', ['RMT']]]);
  });
  it('should stay a list when the acronym stands for the last name alone', () => {
    const text = 'The Harbour Union, Dockers Federation and Port Workers (PW) met on Monday.';
    const record = extractText(body(text), { ORG: ['Harbour Union', 'Dockers Federation', 'Port Workers'] });
    expect(record.entities.map((e) => e.name)).toEqual(['Harbour Union', 'Dockers Federation', 'Port Workers']);
  });
});

describe('an acronym in parentheses after a name the tagger missed', () => {
  it('should make the words it stands for an organization, with the acronym as its alias', () => {
    const record = extractText(body('According to the Observatoire international des prisons (OIP), the prisons are full.'), { ORG: ['OIP'] });
    expect(record.entities.map((e) => [e.name, e.kind, e.aliases])).toEqual([['Observatoire international des prisons', 'organization', ['OIP']]]);
  });
  it('should leave words alone that the acronym does not stand for', () => {
    const record = extractText(body('The figures of the prison service (OIP) are out.'), {});
    expect(record.entities).toEqual([]);
  });
  it('should leave a name the tagger found as it is', () => {
    const record = extractText(body('The Union of Police Officers (UPO) met.'), { ORG: ['Union of Police Officers'] });
    expect(record.entities.map((e) => [e.name, e.aliases])).toEqual([['Union of Police Officers', ['UPO']]]);
  });
});

describe('an acronym in parentheses after words with no organization word', () => {
  it('should not make them an organization', () => {
    const record = extractText(body('Assets are valued at their Optimised Deprival Value (ODV) from this year.'), {});
    expect(record.entities).toEqual([]);
  });
});
