/**
 * Is a document a sports report? In the Reuters training data most French and many other cities
 * (Marseille, Lyon, Lille, Munich) are football clubs (ORG) in sports reports and places (LOC)
 * elsewhere. Word-identity and gazetteer features are therefore conjoined with this flag, so that
 * what was learnt about a name in results tables does not carry over to general news.
 */

const CUES = new Set(
  ('soccer football league goals scored scorer scorers cup championship championships champions tennis cricket golf ' +
    'rugby seeded seed innings wickets wicket striker midfielder goalkeeper halftime half-time penalty olympic olympics ' +
    'medal athletics baseball basketball nba nhl nfl hockey cycling racing prix lap laps standings division par birdie ' +
    'bogey tournament semifinal semifinals semi-final quarterfinal quarterfinals quarter-final match matches squad ' +
    'homer homers inning pitcher metres sprint marathon rallying boxing bout ' +
    'play-off playoff playoffs fixtures jockey stakes').split(' '),
);

/** What a token adds to the sports score: 4 for a cue word, 1 for a small number or a score. */
export function sportPoints(t: string): number {
  if (CUES.has(t.toLowerCase())) return 4;
  if (/^\d{1,3}$/u.test(t) || /^\d{1,2}-\d{1,2}$/u.test(t)) return 1;
  return 0;
}

/** Share of sports cue words (×4) and small numbers / scores among the tokens of a document. */
export function sportScore(doc: readonly (readonly string[])[]): number {
  let n = 0;
  let score = 0;
  for (const s of doc) {
    for (const t of s) {
      n++;
      score += sportPoints(t);
    }
  }
  return n > 0 ? score / n : 0;
}

/** The domain of a document of that sports score: 1 for a sports report, 0 for anything else. */
export function domainOfScore(score: number): number {
  return score >= 0.08 ? 1 : 0;
}

/** 1 for a sports report, 0 for anything else. */
export function docDomain(doc: readonly (readonly string[])[]): number {
  return domainOfScore(sportScore(doc));
}
