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
      columns: ['id', 'url', 'headline', 'date', 'date_approximate', 'summary', 'author', 'source', 'source_url', 'language', 'translated_from', 'original_file', 'people', 'organizations', 'places'],
      rows: archive.articles.map((a) => [
        a.id, a.url, a.headline, a.date?.iso ?? null, a.date?.approximate ?? null, a.summary, a.author, a.source, a.sourceUrl, a.language, a.translatedFrom, a.originalFile,
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
 * What a spreadsheet reads as the start of a formula: a cell of article text that starts so
 * (`=HYPERLINK(…)`, `@SUM(…)`, `+1`, `-1`) would run when `data/*.csv` is opened (OWASP's "CSV
 * injection"). Such a cell gets a leading `'`, which spreadsheets read as "text" and do not show.
 * https://owasp.org/www-community/attacks/CSV_Injection
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell's text, kept from reading as a formula (`data/archive.json` has it as written). */
const formulaSafe = (value: string): string => (FORMULA_START.test(value) ? `'${value}` : value);

/**
 * A table as RFC 4180 CSV: a header row, CRLF line ends, fields quoted when they need it.
 *
 * Empty and null cells are both written empty; booleans as `true`/`false`; text that a spreadsheet
 * would read as a formula gets a leading `'` (`formulaSafe`); numbers are written as they are.
 */
export function toCsv(table: Table): string {
  return stringify([table.columns, ...table.rows] as unknown[][], {
    record_delimiter: 'windows',
    // RFC 4180 quotes any field with a line break; csv-stringify only looks for the whole CRLF on its own.
    quoted_match: /[\r\n]/,
    cast: { boolean: (value) => String(value), string: formulaSafe },
  });
}

/** Every `data/*.csv` file of the archive: file name → content. */
export function archiveCsvFiles(archive: Archive): Record<string, string> {
  return Object.fromEntries(Object.entries(archiveTables(archive)).map(([name, table]) => [`${name}.csv`, toCsv(table)]));
}
