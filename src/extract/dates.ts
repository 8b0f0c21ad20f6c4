// English only: the whole package loads every locale's parsers (about 60 ms more at every start).
import * as chrono from 'chrono-node/en';
import type { Block, DatePrecision, FoundEvent, PartialDate } from '../model.ts';
import { sentenceAt, splitSentences } from '../text/sentences.ts';

/** A `YYYY`, `YYYY-MM` or `YYYY-MM-DD` string as a `PartialDate`. */
export function parsePartialDate(iso: string, approximate = false): PartialDate {
  const precision: DatePrecision = iso.length === 4 ? 'year' : iso.length === 7 ? 'month' : 'day';
  return { iso, precision, approximate };
}

/** Noon UTC of a partial date's first day: the reference for relative dates. */
export function referenceOf(date: PartialDate): Date {
  const [y, m = '01', d = '01'] = date.iso.split('-');
  return new Date(`${y}-${m}-${d}T12:00:00Z`);
}

const pad = (n: number): string => String(n).padStart(2, '0');

const ORDER: readonly DatePrecision[] = ['year', 'month', 'day'];
const MONTH_NAME = /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b/iu;

/**
 * The date a chrono result stands for, at the precision the text gives it.
 *
 * An expression with no month or year of its own (`on Wednesday`, `next year`) is relative:
 * approximate, and never more precise than the publication date it is read against.
 */
function toPartial(text: string, c: chrono.ParsedResult['start'], published: PartialDate | null): PartialDate {
  const known: DatePrecision = c.isCertain('day') || c.isCertain('weekday') ? 'day' : c.isCertain('month') ? 'month' : 'year';
  const relative = isRelative(text);
  if (relative && published && ORDER.indexOf(known) > ORDER.indexOf(published.precision)) return { ...published, approximate: true };
  const y = c.get('year')!;
  const m = c.get('month')!;
  const d = c.get('day')!;
  const iso = known === 'year' ? `${y}` : known === 'month' ? `${y}-${pad(m)}` : `${y}-${pad(m)}-${pad(d)}`;
  return { iso, precision: known, approximate: relative || !c.isCertain('year') };
}

/** An expression with no month name or year of its own: `last year`, `on Wednesday`. */
const isRelative = (text: string): boolean => !MONTH_NAME.test(text) && !/\b\d{4}\b/u.test(text);

/**
 * Find dated happenings in the text, each resolved to a calendar date.
 *
 * Absolute dates keep the precision written (`April 2019` is a month). Relative ones
 * (`last Friday`, `two weeks ago`) are resolved against the publication date, and are
 * only as precise as it is: against `2021-05`, `on Wednesday` is May 2021, approximate. Those
 * counted from another happening (`four days after the attack`) are left out.
 */
export function extractEvents(blocks: readonly Block[], published: PartialDate | null): FoundEvent[] {
  const reference = published ? referenceOf(published) : undefined;
  const events: FoundEvent[] = [];
  for (const block of blocks) {
    if (block.kind === 'heading') continue;
    const sentences = splitSentences(block.text);
    for (const r of chrono.parse(block.text, reference ?? new Date(Date.UTC(2000, 0, 1)), { forwardDate: false })) {
      // Times of day and "now" say nothing about a date.
      const c = r.start;
      if (!c.isCertain('day') && !c.isCertain('weekday') && !c.isCertain('month') && !c.isCertain('year')) continue;
      // "they march", "it may": month names are capitalized in English.
      if (/\b(?:march|may)\b/u.test(r.text)) continue;
      if (/^(?:now|today|tonight|currently|this (?:morning|evening|afternoon))$/iu.test(r.text.trim())) continue;
      // `four days after the death`, `two weeks later`: counted from another happening, not from the publication.
      if (/\b(?:after|before|later|earlier|afterwards)\s*$/iu.test(r.text)) continue;
      // `suspended for four months`: a length of time, not a date.
      if (/^(?:for|over|during)\s/iu.test(r.text)) continue;
      // With no publication date, `last year` and `in May` have nothing to be read against.
      if (!published && (!r.start.isCertain('year') || isRelative(r.text))) continue;
      if (/^\d{1,2}$|^\d{4}$/.test(r.text.trim()) && !/\b(?:in|since|until|by|from)\s+$/iu.test(block.text.slice(0, r.index))) continue;
      const date = toPartial(r.text, r.start, published);
      const sentence = sentenceAt(sentences, r.index);
      events.push({ date, expression: r.text, evidence: { block: block.n, sentence: sentence?.text ?? block.text, start: r.index, end: r.index + r.text.length } });
    }
  }
  return events;
}

/** Infer a publication date when the editor gave none: the latest fully dated event, approximate, to the month. */
export function inferPublished(events: readonly FoundEvent[]): PartialDate | null {
  const dated = events.filter((e) => !e.date.approximate).map((e) => e.date.iso).sort();
  const last = dated.at(-1);
  return last ? parsePartialDate(last.slice(0, 7), true) : null;
}

/** Words a publication-date line may hold besides its date and time: `Published on`, `Updated:`, `GMT`. */
const DATELINE_WORDS = /^(?:first|last|published|posted|updated|modified|date[ds]?|on|at|the|am|pm|gmt|utc|cet|cest|bst|est|edt|pst|pdt)$/iu;

/**
 * The publication-date line of a pasted article, if one of its first lines is only that:
 * `November 3, 2024`, `Published on 12 March 2025`, `Updated: 3 Nov 2024 14:32 GMT`, `Paris, 2 January 2026`.
 *
 * Only a full date with its year counts, on a short line among the first three of the body
 * (before any long paragraph), whose other words are those of a date line (`DATELINE_WORDS`).
 * Returns the line's index in `blocks` and its date, which is not approximate: the text says it.
 */
export function findDateline(blocks: readonly { readonly text: string }[]): { index: number; date: PartialDate } | null {
  for (const [index, block] of blocks.slice(0, 3).entries()) {
    const words = block.text.trim().split(/\s+/u);
    // A paragraph ends the search; a long line with dates may still be one: `Published on July 3, 2023 at
    // 6:45 p.m. Updated July 3, 2023 at 8:10 p.m.`
    if (words.length > 20 || (words.length > 12 && !/\d/u.test(block.text))) return null;
    // A date with its year has digits: most lines need no parse.
    if (!/\d/u.test(block.text)) continue;
    const found = parseUnanchored(block.text);
    const day = found.find(isFullDate);
    if (!day) continue;
    // Blank out the dates and times found (same length, so the indexes hold), then look at what is left.
    let rest = block.text;
    for (const r of found) rest = rest.slice(0, r.index) + ' '.repeat(r.text.length) + rest.slice(r.index + r.text.length);
    // A place may open the line: `Paris, 2 January 2026`, `ROTTERDAM — November 3, 2024`.
    rest = rest.replace(/^\s*\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,2}\s*(?:,|\s[–—-])\s/u, '');
    const others = rest.replace(/\./gu, '').split(/[^\p{L}]+/u).filter(Boolean);
    if (others.every((w) => DATELINE_WORDS.test(w))) return { index, date: toPartial(day.text, day.start, null) };
  }
  return null;
}

/** Dates read with no publication date to anchor them: only those the text gives whole are of use. */
const parseUnanchored = (text: string): chrono.ParsedResult[] => chrono.parse(text, new Date(Date.UTC(2000, 0, 1)), { forwardDate: false });
/** A day, a month and a year, all written. */
const isFullDate = (r: chrono.ParsedResult): boolean => r.start.isCertain('day') && r.start.isCertain('month') && r.start.isCertain('year');

/** `PARIS, March 3, 2023 - `, `ATLANTA (AP) Nov. 3, 2024 — `: a place, an agency perhaps, a date and a dash opening a paragraph. */
const INLINE_DATELINE = /^\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,2}(?:\s*\([^)]{1,20}\))?,?\s+([^–—]{6,40}?)\s+[–—-]\s+\S/u;

/**
 * The publication date a news paragraph opens with, in a wire's date line: `PARIS, March 3, 2023 - Yves
 * Lefebvre, …`. Only a full date with its year, in the first paragraph of the body; the paragraph stays.
 */
export function findInlineDateline(blocks: readonly { readonly text: string }[]): PartialDate | null {
  const first = blocks.slice(0, 3).find((b) => b.text.trim().split(/\s+/u).length > 12);
  const m = first ? INLINE_DATELINE.exec(first.text) : null;
  if (!m || !/\d/u.test(m[1]!)) return null;
  const day = parseUnanchored(m[1]!)[0];
  if (!day || day.index !== 0 || day.text.length < m[1]!.replace(/[\s,.]+$/u, '').length - 1 || !isFullDate(day)) return null;
  return toPartial(day.text, day.start, null);
}
