import { describe, expect, it } from 'vitest';
import { body, extractText, type Names } from '../helpers/extract.ts';

type Case = [name: string, text: string, names: Names, expected: { text: string; speaker: string | null }[]];

const cases: Case[] = [
  ['a quote followed by "said X"', '“We will not give up the fight for our jobs,” said Jane Roe.', { PER: ['Jane Roe'] }, [{ text: 'We will not give up the fight for our jobs', speaker: 'Jane Roe' }]],
  ['a quote followed by "X said"', '“The port will close in June this year,” Roe said on Monday.', { PER: ['Roe'] }, [{ text: 'The port will close in June this year', speaker: 'Roe' }]],
  ['a speaker who introduces the quote', 'Paul Martin told reporters: “There is no money left for this.”', { PER: ['Paul Martin'] }, [{ text: 'There is no money left for this.', speaker: 'Paul Martin' }]],
  ['an attribution inside the quote', '“They always speak first, notes Luc Petit, a sociologist. Nobody else does that here.”', { PER: ['Luc Petit'] }, [{ text: 'They always speak first', speaker: 'Luc Petit' }]],
  ['an unnamed speaker', '“You must help us, minister,” an officer said to Paul Martin.', { PER: ['Paul Martin'] }, [{ text: 'You must help us, minister', speaker: null }]],
  ['the one person a paragraph names', 'Jane Roe was at the gate. “We have waited for far too long now.”', { PER: ['Jane Roe'] }, [{ text: 'We have waited for far too long now.', speaker: 'Jane Roe' }]],
  ['a pronoun speaker after a named one', 'According to Jane Roe, the anger runs deep. “Colleagues are exhausted and angry,” she said.', { PER: ['Jane Roe'] }, [{ text: 'Colleagues are exhausted and angry', speaker: 'Jane Roe' }]],
  ['a quote followed by "said" and a title before the name', 'Luc Petit met them. “We cannot compete with these imports,” said its secretary-general, Jane Roe.', { PER: ['Jane Roe', 'Luc Petit'] }, [{ text: 'We cannot compete with these imports', speaker: 'Jane Roe' }]],
  ['a quote followed by "said", an organization and a title before the name', 'Luc Petit met them. “Without pressure there is no movement,” said Verdi chairman Jane Roe.', { PER: ['Jane Roe', 'Luc Petit'], ORG: ['Verdi'] }, [{ text: 'Without pressure there is no movement', speaker: 'Jane Roe' }]],
  ['a quote followed by "said" and a form of address', 'Luc Petit met them. “We want a contract that pays,” said Capt. Jane Roe.', { PER: ['Jane Roe', 'Luc Petit'] }, [{ text: 'We want a contract that pays', speaker: 'Jane Roe' }]],
  ['a second quote of the same speaker', '“Jane gave everything to this house,” said Luc Petit, the secretary general. “We owe her a great deal.”', { PER: ['Luc Petit'] }, [{ text: 'Jane gave everything to this house', speaker: 'Luc Petit' }, { text: 'We owe her a great deal.', speaker: 'Luc Petit' }]],
  ['a quote after a speech verb and a clause, with several people in the paragraph', 'Luc Petit spoke first, while Jane Roe, the union\'s head, said the strike would go on “as long as it is necessary”.', { PER: ['Jane Roe', 'Luc Petit'] }, [{ text: 'as long as it is necessary', speaker: 'Jane Roe' }]],
  ['no quote from scare quotes', 'The union took “quite tough” positions, said Jane Roe.', { PER: ['Jane Roe'] }, []],
  ['no quote from a headline', 'Under the headline “Dockers will strike again next week”, the paper ran the story.', {}, []],
];

describe('extractQuotes', () => {
  for (const [name, text, names, expected] of cases) {
    it(`should read ${name}`, () => {
      const record = extractText(body(text), names);
      expect(record.quotes.map((q) => ({ text: q.text, speaker: q.speaker }))).toEqual(expected);
    });
  }
});

describe('extractQuotes in a long sentence', () => {
  // The words before each quote and each name are read near them, not from the sentence's start
  // for every quote again.
  it('should give each of many quotes in one sentence its speaker', () => {
    const people = Array.from({ length: 300 }, (_, i) => `Person${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + Math.floor(i / 26))} Roe`);
    const text = `${people.map((p, i) => (i % 2 ? `according to ${p}, “we will not give in at all”` : `${p} said: “nothing has changed for us here”`)).join(', and ')}.`;
    const record = extractText(body(text), { PER: people });
    expect(record.quotes.map((q) => q.speaker)).toEqual(people);
  });
  it('should read an attribution inside a quote after a word of a hundred thousand letters', () => {
    const record = extractText(body(`“${'x'.repeat(100_000)} They always speak first, notes Luc Petit, a sociologist. Nobody else does that.”`), { PER: ['Luc Petit'] });
    expect(record.quotes.map((q) => q.speaker)).toEqual(['Luc Petit']);
  });
});
