import { stringify } from 'csv-stringify/sync';
import type { Archive, Cited } from '../model.ts';

/** What joins several values in one cell: ids never contain it. */
const LIST = '; ';

/** A table: its column names, then one row per item. */
interface Table {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly (string | number | boolean | null)[])[];
}

/** `article-id#p3`: where a fact was read, as a page path fragment. */
function cite(e: Cited): string {
  return `${e.article}#p${e.block}`;
}

/** One table per kind of record in the archive, with ids and page paths, as `data/*.csv` ships them. */
export function archiveTables(archive: Archive): Record<string, Table> {
  return {
    articles: {
      columns: ['id', 'url', 'headline', 'date', 'date_approximate', 'summary', 'source', 'source_url', 'language', 'translated_from', 'original_file', 'people', 'organizations', 'places'],
      rows: archive.articles.map((a) => [
        a.id, a.url, a.headline, a.date?.iso ?? null, a.date?.approximate ?? null, a.summary, a.source, a.sourceUrl, a.language, a.translatedFrom, a.originalFile,
        a.people.join(LIST), a.organizations.join(LIST), a.places.join(LIST),
      ]),
    },
    people: {
      columns: ['id', 'url', 'name', 'aliases', 'description', 'wikidata', 'articles'],
      rows: archive.people.map((p) => [p.id, p.url, p.name, p.aliases.join(LIST), p.description, p.wikidata, p.articles.join(LIST)]),
    },
    organizations: {
      columns: ['id', 'url', 'name', 'aliases', 'description', 'wikidata', 'part_of', 'articles'],
      rows: archive.organizations.map((o) => [o.id, o.url, o.name, o.aliases.join(LIST), o.description, o.wikidata, o.partOf, o.articles.join(LIST)]),
    },
    places: {
      columns: ['id', 'url', 'name', 'aliases', 'description', 'wikidata', 'articles'],
      rows: archive.places.map((p) => [p.id, p.url, p.name, p.aliases.join(LIST), p.description, p.wikidata, p.articles.join(LIST)]),
    },
    roles: {
      columns: ['person', 'title', 'organization', 'organization_name', 'evidence'],
      rows: archive.people.flatMap((p) => p.roles.map((r) => [r.person, r.title, r.organization, r.organization ? null : r.organizationName, r.evidence.map(cite).join(LIST)])),
    },
    demands: {
      columns: ['id', 'article', 'label', 'text', 'by', 'evidence'],
      rows: archive.demands.map((d) => [d.id, d.article, d.label, d.text, d.by.join(LIST), cite(d.evidence)]),
    },
  };
}

/**
 * A table as RFC 4180 CSV: a header row, CRLF line ends, fields quoted when they need it.
 *
 * Empty and null cells are both written empty; booleans as `true`/`false`.
 */
export function toCsv(table: Table): string {
  return stringify([table.columns, ...table.rows] as unknown[][], {
    record_delimiter: 'windows',
    // RFC 4180 quotes any field with a line break; csv-stringify only looks for the whole CRLF on its own.
    quoted_match: /[\r\n]/,
    cast: { boolean: (value) => String(value) },
  });
}

/** Every `data/*.csv` file of the archive: file name → content. */
export function archiveCsvFiles(archive: Archive): Record<string, string> {
  return Object.fromEntries(Object.entries(archiveTables(archive)).map(([name, table]) => [`${name}.csv`, toCsv(table)]));
}
