import type { ArticleRecord } from '../model.ts';

/** The public shape of one extracted record, as `dossier extract --json` prints it. */
export function recordJson(r: ArticleRecord): unknown {
  const ofKind = (kind: string) => r.entities.filter((e) => e.kind === kind);
  return {
    file: r.file,
    headline: r.headline,
    date: r.date?.iso ?? null,
    author: r.author,
    people: ofKind('person').map((e) => ({ name: e.name, aliases: e.aliases })),
    organizations: ofKind('organization').map((e) => ({ name: e.name, aliases: e.aliases })),
    places: ofKind('place').map((e) => ({ name: e.name })),
    roles: r.roles.map((x) => ({ person: x.person, title: x.title, organization: x.organization })),
    demands: r.demands.map((d) => ({ text: d.text, label: d.label, by: d.by })),
    quotes: r.quotes.map((q) => ({ text: q.text, speaker: q.speaker })),
    events: r.events.map((e) => ({ date: e.date.iso, approximate: e.date.approximate, text: e.expression, sentence: e.evidence.sentence })),
  };
}
