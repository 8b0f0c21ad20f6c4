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

describe('forms of address', () => {
  it('should not be names, with or without a full stop', () => {
    const text = 'Dr Robert Vale and Prof. Anna Lind spoke. Capt. Jason Hale agreed.';
    expect(namesOf(text, { ORG: ['Dr', 'Prof'], PER: ['Robert Vale', 'Anna Lind', 'Capt. Jason Hale'] })).toEqual({ people: ['Robert Vale', 'Anna Lind', 'Jason Hale'], organizations: [] });
  });
});

describe('a date line with a news agency', () => {
  it('should make the place a place, and the agency no acronym of it', () => {
    const record = extractText(body('ATLANTA (AP) — Pilots voted on Monday to authorize a strike.'), { LOC: ['ATLANTA'] });
    expect(record.entities.map((e) => [e.name, e.kind, e.aliases])).toEqual([['Atlanta', 'place', []]]);
  });
});

describe('a name before a lower-case title and a person', () => {
  it('should be an organization, and the person its title holder', () => {
    const record = extractText(body('Delta spokesman Morgan Durrant said talks went on. Pilots at Delta voted on Monday.'), { PER: ['Morgan Durrant'] });
    expect(record.entities.map((e) => [e.name, e.kind])).toEqual([['Delta', 'organization'], ['Morgan Durrant', 'person']]);
    expect(record.roles.map((r) => [r.person, r.title, r.organization])).toEqual([['Morgan Durrant', 'spokesman', 'Delta']]);
  });
  it('should outweigh the tagger reading the name as a person elsewhere', () => {
    const record = extractText(body('Verdi is demanding a rise. Verdi called strikes. “No,” said Verdi chairman Frank Werneke.'), { PER: ['Verdi', 'Frank Werneke'] });
    expect(record.entities.map((e) => [e.name, e.kind])).toEqual([['Verdi', 'organization'], ['Frank Werneke', 'person']]);
  });
  it('should leave a place before a title held in it', () => {
    const record = extractText(body('Orvieto mayor Stefano Cimicchi said the town would vote.'), { LOC: ['Orvieto'], PER: ['Stefano Cimicchi'] });
    expect(record.entities.map((e) => [e.name, e.kind])).toEqual([['Orvieto', 'place'], ['Stefano Cimicchi', 'person']]);
  });
  it('should not take a word capitalized only because it opens a sentence', () => {
    const record = extractText(body('Local union leader Jane Roe said the plant would close.'), { PER: ['Jane Roe'] });
    expect(record.entities.map((e) => e.name)).toEqual(['Jane Roe']);
  });
});

describe('an acronym written without parentheses', () => {
  it('should join the one organization whose initials it spells', () => {
    const record = extractText(body('The British Medical Association said doctors would strike. The BMA wants more pay.'), { ORG: ['British Medical Association', 'BMA'] });
    expect(record.entities.map((e) => [e.name, e.aliases])).toEqual([['British Medical Association', ['BMA']]]);
  });
});

describe('a name the tagger read as a place, after a title in apposition', () => {
  it('should be a person', () => {
    const record = extractText(body('The health secretary, Victoria Atkins, said the strike would put patients at risk.'), { LOC: ['Victoria Atkins'] });
    expect(record.entities.map((e) => [e.name, e.kind])).toEqual([['Victoria Atkins', 'person']]);
  });
});

describe('a name the tagger stopped short of its head word', () => {
  it('should run on to an organization word', () => {
    const record = extractText(body('Pilots at Delta Air Lines voted on Monday.'), { LOC: ['Delta'], ORG: ['Lines'] });
    expect(record.entities.map((e) => [e.name, e.kind])).toEqual([['Delta Air Lines', 'organization']]);
  });
  it('should make a law of a name before `Act`, which is no entity', () => {
    const record = extractText(body('Under the Railway Labor Act, airline workers cannot strike.'), { ORG: ['Railway Labor'] });
    expect(record.entities).toEqual([]);
  });
  it('should not take in a name tagged on its own', () => {
    const record = extractText(body('Rebels of the anti-Rangoon Karen National Union attacked.'), { MISC: ['anti-Rangoon'], ORG: ['Karen National Union'] });
    expect(record.entities.map((e) => e.name)).toEqual(['Karen National Union']);
  });
});

describe('a surname before a title and a person', () => {
  it('should stay a person when the article names that person in full', () => {
    const record = extractText(body('Boris Yeltsin rested. Yeltsin press secretary Sergei Petrov said so.'), { PER: ['Boris Yeltsin', 'Yeltsin', 'Sergei Petrov'] });
    expect(record.entities.map((e) => [e.name, e.kind])).toEqual([['Boris Yeltsin', 'person'], ['Sergei Petrov', 'person']]);
  });
});

describe('a name cut short before an organization noun', () => {
  it('should take in the capitalized words before `union`', () => {
    const record = extractText(body('Jane Roe led the Unité SGP Police-FO union for fifteen years.'), { PER: ['Jane Roe'], ORG: ['Unité SGP'] });
    expect(record.entities.map((e) => [e.name, e.kind])).toEqual([['Jane Roe', 'person'], ['Unité SGP Police-FO', 'organization']]);
  });
});

describe('a surname the tagger read as an organization', () => {
  it('should be the person after a form of address', () => {
    const record = extractText(body('Mr. Lefebvre, 60, a former riot police officer, retired.'), { ORG: ['Lefebvre'] });
    expect(record.entities.map((e) => [e.name, e.kind])).toEqual([['Lefebvre', 'person']]);
  });
  it('should be the person the article names in full', () => {
    const record = extractText(body('Yves Lefebvre stepped down. Lefebvre, 60, retired.'), { PER: ['Yves Lefebvre'], ORG: ['Lefebvre'] });
    expect(record.entities.map((e) => [e.name, e.kind, e.mentions.length])).toEqual([['Yves Lefebvre', 'person', 2]]);
  });
});

describe('an acronym in parentheses after a name the tagger cut short', () => {
  it('should make the whole long form the organization', () => {
    const record = extractText(body('The Syndicat des cadres de la sécurité intérieure (SCSI) called for more investigators.'), { ORG: ['Syndicat', 'SCSI'] });
    expect(record.entities.map((e) => [e.name, e.aliases])).toEqual([['Syndicat des cadres de la sécurité intérieure', ['SCSI']]]);
  });
});

describe('a known place the tagger read as an organization, after a preposition of place', () => {
  it('should be a place', () => {
    const record = extractText(body('An officer was hit in the northern districts of Marseille; the anger goes far beyond Marseille.'), { ORG: ['Marseille'] });
    expect(record.entities.map((e) => [e.name, e.kind])).toEqual([['Marseille', 'place']]);
  });
});

describe('a name with particles', () => {
  it('should run on over them, and join the surname with its particles used alone', () => {
    const record = extractText(body('Commission President Ursula von der Leyen met farmers. “The Commission will act on this,” von der Leyen told reporters.'), { PER: ['Ursula von'], ORG: ['Leyen'] });
    expect(record.entities.filter((e) => e.kind === 'person').map((e) => [e.name, e.aliases, e.mentions.length])).toEqual([['Ursula von der Leyen', ['von der Leyen'], 2]]);
  });
  it('should leave a street name alone', () => {
    const record = extractText(body('They marched down the Rue de la Paix on Monday.'), { LOC: ['Rue de la Paix'] });
    expect(record.entities.map((e) => [e.name, e.kind])).toEqual([['Rue de la Paix', 'place']]);
  });
});

describe('a French name with no English noun after it', () => {
  it('should take in its lower-case words up to the punctuation', () => {
    const record = extractText(body('The Confédération paysanne, a smaller union, disagreed. The Syndicat said nothing.'), { ORG: ['Confédération', 'Syndicat'] });
    expect(record.entities.map((e) => e.name)).toEqual(['Confédération paysanne', 'Syndicat']);
  });
});

describe('an organization named by its last word', () => {
  it('should join the one organization whose name ends in it', () => {
    const record = extractText(body('The European Commission met on Monday. The Commission will act.'), { ORG: ['European Commission', 'Commission'] });
    expect(record.entities.map((e) => [e.name, e.aliases])).toEqual([['European Commission', ['Commission']]]);
  });
});

describe('a known place at the start of an organization name', () => {
  it('should stay a place, not a short form of the organization', () => {
    const record = extractText(body('The Bangladesh Nationalist Party won in Bangladesh.'), { ORG: ['Bangladesh Nationalist Party'], LOC: ['Bangladesh'] });
    expect(record.entities.map((e) => [e.name, e.kind])).toEqual([['Bangladesh Nationalist Party', 'organization'], ['Bangladesh', 'place']]);
  });
});

describe('a name the tagger took for no organization, in an apposition that says it is one', () => {
  it('should be an organization, and its acronym a mention wherever the article writes it', () => {
    const record = extractText(body('Jane Roe has led the CFE-CGC, the union of managers, since 2016. The CFE-CGC is calling for higher wages.'), { PER: ['Jane Roe'], MISC: ['CFE-CGC'] });
    expect(record.entities.map((e) => [e.name, e.kind, e.mentions.length])).toEqual([['Jane Roe', 'person', 1], ['CFE-CGC', 'organization', 2]]);
    expect(record.roles.map((r) => [r.person, r.title, r.organization])).toEqual([['Jane Roe', 'leader', 'CFE-CGC']]);
    expect(record.demands.map((d) => [d.label, d.by])).toEqual([['Higher wages', ['CFE-CGC']]]);
  });
});

describe('a known place after "of the"', () => {
  it('should be a place', () => {
    const record = extractText(body('A spokesperson for the prefecture of the Rhône declined to comment.'), { ORG: ['Rhône'] });
    expect(record.entities.map((e) => [e.name, e.kind])).toEqual([['Rhône', 'place']]);
  });
});

describe('a name the tagger took for a place, in words that say it is a company', () => {
  it('should be an organization, after `carmaker`, before `spokeswoman`, after `shares in`, with its chief executive', () => {
    const text = 'Workers at carmaker Velor walked out. Velor Chief Executive Luca Moro spoke. A Velor spokeswoman said more. Shares in Velor fell.';
    const record = extractText(body(text), { LOC: ['Velor'], PER: ['Luca Moro'] });
    expect(record.entities.map((e) => [e.name, e.kind, e.mentions.length])).toEqual([['Velor', 'organization', 4], ['Luca Moro', 'person', 1]]);
    expect(record.roles.map((r) => [r.person, r.title, r.organization])).toEqual([['Luca Moro', 'Chief Executive', 'Velor']]);
  });
  it('should stay a place before a title held there, and a person before a spokeswoman when named in full', () => {
    const record = extractText(body('Czech Republic President Vaclav Havel met Philippe Seguin. A Seguin spokeswoman confirmed it.'), { LOC: ['Czech Republic'], PER: ['Vaclav Havel', 'Philippe Seguin'], ORG: ['Seguin'] });
    expect(record.entities.map((e) => [e.name, e.kind])).toEqual([['Czech Republic', 'place'], ['Vaclav Havel', 'person'], ['Philippe Seguin', 'person']]);
  });
});

describe('a French name with its article and lower-case words', () => {
  it('should run on to the punctuation after them', () => {
    const record = extractText(body('Jean Vale, leader of La France insoumise, spoke in Le Havre.'), { PER: ['Jean Vale'], LOC: ['La France', 'Le Havre'] });
    expect(record.entities.map((e) => [e.name, e.kind])).toEqual([['Jean Vale', 'person'], ['La France insoumise', 'organization'], ['Le Havre', 'place']]);
  });
});

describe('an organization the tagger took for a place or for no entity', () => {
  it('should be one when it represents people, is a bloc, or follows `union`', () => {
    const text = 'Farmers protested against the deal with the Mercosur bloc. Copa-Cogeca, which represents 22 million farmers, called for talks. The Belgian farmers\' union Boerenbond demanded more.';
    const record = extractText(body(text), { LOC: ['Mercosur', 'Copa-Cogeca'], MISC: ['Belgian', 'Boerenbond'] });
    expect(record.entities.map((e) => [e.name, e.kind])).toEqual([['Mercosur', 'organization'], ['Copa-Cogeca', 'organization'], ['Boerenbond', 'organization']]);
  });
});

describe('an adjective made of a name', () => {
  it('should be the name alone', () => {
    const record = extractText(body('The LDP-dominated coalition and the Atlanta-based carrier met.'), { ORG: ['LDP-dominated'], LOC: ['Atlanta-based'] });
    expect(record.entities.map((e) => [e.name, e.kind])).toEqual([['LDP', 'organization'], ['Atlanta', 'place']]);
  });
});
