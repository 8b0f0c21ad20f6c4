import { describe, expect, it } from 'vitest';
import { groupDemands, keyTerms, stem } from '../../src/link/themes.ts';
import type { Demand } from '../../src/model.ts';

const demand = (id: string, label: string, text = label): Demand =>
  ({ id, article: id.split('-')[0], label, text, by: [], evidence: { article: id.split('-')[0], block: 1, sentence: text, start: 0, end: text.length } }) as unknown as Demand;

describe('stem', () => {
  const cases: [string, string][] = [['attacks', 'attack'], ['sentences', 'sentence'], ['sentence', 'sentence'], ['policies', 'policy'], ['taxes', 'tax'], ['guaranteeing', 'guarante']];
  for (const [word, expected] of cases) it(`should stem ${word}`, () => expect(stem(word)).toBe(expected));
});

describe('keyTerms', () => {
  it('should keep content words and drop function words', () => {
    expect([...keyTerms('We demand a minimum prison sentence for the attackers')]).toEqual(['minimum', 'prison', 'sentence', 'attacker']);
  });
});

describe('groupDemands', () => {
  const demands = [
    demand('a-d1', 'A minimum prison sentence for attacks on dockers'),
    demand('b-d1', 'Guarantee a prison sentence for anyone who attacks a docker'),
    demand('b-d2', 'Better training for new recruits'),
    demand('c-d1', 'Higher wages for night shifts'),
    demand('c-d2', 'Safer cranes in every port'),
  ];
  it('should group demands that share two key terms across articles', () => {
    const themes = groupDemands(demands);
    expect(themes[0]?.demands).toEqual(['a-d1', 'b-d1']);
    expect(themes[0]?.label).toBe('attacks · docker · prison · sentence');
  });
  it('should leave a demand that shares nothing alone, named by its label', () => {
    const themes = groupDemands(demands);
    expect(themes.slice(1).map((t) => [t.label, t.demands])).toEqual([
      ['Better training for new recruits', ['b-d2']],
      ['Higher wages for night shifts', ['c-d1']],
      ['Safer cranes in every port', ['c-d2']],
    ]);
  });
  it('should not group on one shared word', () => {
    expect(groupDemands([demand('a-d1', 'Higher wages'), demand('b-d1', 'Higher pensions')]).every((t) => t.demands.length === 1)).toBe(true);
  });
});
