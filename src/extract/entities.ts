import type { Block, CuratedEntity, EntityKind, FoundEntity, Mention, TaggedSpan } from '../model.ts';
import { nameKey } from '../text/normalize.ts';
import { findNames, foldForMatch } from '../text/find.ts';
import { sentenceAt, splitSentences } from '../text/sentences.ts';
import type { Lexicon } from './lexicon.ts';
import type { NameTagger } from './tagger.ts';
import { TITLE_NOUNS } from './roles.ts';
import { SPEECH_VERBS } from './quotes.ts';
import { ORG_KEYWORDS } from '../ner/features.ts';
import { GIVEN_NAMES, PLACES } from '../ner/wordlists.ts';
import { fold } from '../ner/fold.ts';
import { HONORIFICS, cleanSpan, isGenericName, ORG_NOUN_AFTER, acronymAfter, PLACE_HEADS, looksLikePlace, titleCaseRanges } from './names.ts';

/** One name found in one block, before names are grouped into entities. */
interface Hit {
  readonly block: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly kind: EntityKind;
  readonly curated?: CuratedEntity;
  /** An acronym given in parentheses right after the name. */
  readonly acronym?: string;
  /** The kind comes from the words around the name, which outweigh the tagger's guesses elsewhere. */
  readonly sure?: true;
}

const KIND_OF: Record<TaggedSpan['type'], EntityKind | null> = { PER: 'person', ORG: 'organization', LOC: 'place', MISC: null };

/**
 * Find the people, organizations and places of an article, each with every mention.
 *
 * Curated names win over the tagger; a surname alone joins the full name used in the
 * article; a shorter organization name joins the longer one it begins; an acronym in
 * parentheses becomes an alias.
 */
export function extractEntities(blocks: readonly Block[], tagger: NameTagger, lexicon: Lexicon): FoundEntity[] {
  const found: Hit[] = [];
  const proper = properNouns(blocks);
  for (const block of blocks) found.push(...hitsOfBlock(block, tagger, lexicon, proper));
  const hits = splitPersonOfOrganization(surnamesArePeople(found, blocks), lexicon);
  const withSurnames = [...hits, ...surnameHits(hits, blocks)];
  return groupHits([...withSurnames, ...acronymHits(withSurnames, blocks)], blocks);
}

/**
 * A person's surname alone is the person's, whatever the tagger made of it: `Lefebvre, 60, a former
 * officer` after `Yves Lefebvre`. So is `Yeltsin press secretary Sergei Yastrzhembsky` after `Boris
 * Yeltsin`: `Verdi chairman Frank Werneke` makes Verdi an organization only when no one in the article
 * is called Verdi.
 */
function surnamesArePeople(hits: readonly Hit[], blocks: readonly Block[]): Hit[] {
  const surnames = new Set(hits.filter((h) => h.kind === 'person' && /\s/u.test(h.text)).map((h) => h.text.split(/\s+/u).at(-1)!));
  const textOf = new Map(blocks.map((b) => [b.n, b.text]));
  // `the House` is an organization's, whoever the tagger took `White House` for.
  const afterThe = (h: Hit): boolean => /\bthe\s+$/iu.test(textOf.get(h.block)?.slice(Math.max(0, h.start - 4), h.start) ?? '');
  const undone = (h: Hit): boolean => !h.curated && !h.acronym && h.kind === 'organization' && !afterThe(h);
  return hits.map((h) => (undone(h) && surnames.has(h.text) ? { block: h.block, start: h.start, end: h.end, text: h.text, kind: 'person' } : h));
}

/** `Jane Roe of the Harbour Workers Union`: a person's name, `of (the)`, an organization's name. */
const PERSON_OF_ORGANIZATION = /^(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?(?:\s+\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?){1,2})\s+of\s+(?:the\s+)?(\p{Lu}.*)$/u;

/**
 * The tagger sometimes reads `Martha Okonkwo of the Royal College of Nursing` as one organization.
 * Such a hit is a person and an organization when its first part is a person's name: it has no
 * organization word (`Royal College` has), and the article names the same person elsewhere (the
 * surname alone, as a person) or it begins with a known given name.
 */
function splitPersonOfOrganization(hits: readonly Hit[], lexicon: Lexicon): Hit[] {
  const surnames = new Set(hits.filter((h) => h.kind === 'person').map((h) => h.text.split(/\s+/u).at(-1)!));
  return hits.flatMap((h) => {
    if (h.kind !== 'organization' || h.curated) return [h];
    const m = PERSON_OF_ORGANIZATION.exec(h.text);
    if (!m) return [h];
    const person = m[1]!.split(/\s+/u);
    const org = m[2]!;
    if (person.some((w) => ORG_KEYWORDS.has(w.toLowerCase()))) return [h];
    if (!surnames.has(person.at(-1)!) && !GIVEN_NAMES.has(fold(person[0]!).toLowerCase())) return [h];
    const orgStart = h.start + h.text.length - org.length;
    const curated = lexicon.byKey.get(nameKey(org));
    return [
      { block: h.block, start: h.start, end: h.start + m[1]!.length, text: m[1]!, kind: 'person' },
      { block: h.block, start: orgStart, end: h.end, text: org, kind: curated?.kind ?? 'organization', ...(curated ? { curated } : {}), ...(h.acronym ? { acronym: h.acronym } : {}) },
    ];
  });
}

/**
 * A surname the tagger missed is still a mention: once `Jane Roe` is named, every capitalized
 * `Roe` in the article not already found is hers (unless two people share the surname).
 */
function surnameHits(hits: readonly Hit[], blocks: readonly Block[]): Hit[] {
  const owners = new Map<string, Set<string>>();
  for (const h of hits) {
    if (h.kind !== 'person') continue;
    const words = h.text.split(/\s+/u);
    const last = words.at(-1)!;
    if (words.length < 2 || last.length < 3 || !/^\p{Lu}/u.test(last)) continue;
    const set = owners.get(last) ?? new Set();
    set.add(h.curated?.name ?? h.text);
    owners.set(last, set);
  }
  // Hits by block, so that a match is checked against its own block's hits only.
  const hitsIn = new Map<number, Hit[]>();
  for (const h of hits) {
    const list = hitsIn.get(h.block);
    if (list) list.push(h);
    else hitsIn.set(h.block, [h]);
  }
  const out: Hit[] = [];
  for (const [surname, people] of owners) {
    if (people.size !== 1) continue;
    for (const block of blocks) {
      const text = block.text;
      const mine = hitsIn.get(block.n) ?? [];
      // Every whole-word occurrence, left to right, not overlapping: what a global regular
      // expression with letter, digit and hyphen look-arounds finds, without building one per name.
      for (let start = text.indexOf(surname); start >= 0; ) {
        const end = start + surname.length;
        if (!wordCharBefore(text, start) && !wordCharAt(text, end)) {
          if (!mine.some((h) => start < h.end && end > h.start)) out.push({ block: block.n, start, end, text: surname, kind: 'person' });
          start = text.indexOf(surname, end);
        } else start = text.indexOf(surname, start + 1);
      }
    }
  }
  return out;
}

/**
 * An organization's acronym found once is a mention wherever the article writes it: `The CFE-CGC is
 * calling for …` after `the CFE-CGC, the union of managers`, though the tagger took it for no name there.
 */
function acronymHits(hits: readonly Hit[], blocks: readonly Block[]): Hit[] {
  const acronyms = new Map<string, Hit>();
  for (const h of hits) if (h.kind === 'organization' && /^\p{Lu}[\p{Lu}\p{N}&-]*\p{Lu}$/u.test(h.text) && !acronyms.has(h.text)) acronyms.set(h.text, h);
  const out: Hit[] = [];
  if (acronyms.size === 0) return out;
  const taken = new Map<number, Hit[]>(blocks.map((b) => [b.n, []]));
  for (const h of hits) taken.get(h.block)?.push(h);
  for (const [acronym, first] of acronyms) {
    for (const block of blocks) {
      const mine = taken.get(block.n)!;
      for (let start = block.text.indexOf(acronym); start >= 0; start = block.text.indexOf(acronym, start + 1)) {
        const end = start + acronym.length;
        if (wordCharBefore(block.text, start) || wordCharAt(block.text, end) || mine.some((h) => start < h.end && end > h.start)) continue;
        const hit: Hit = { block: block.n, start, end, text: acronym, kind: 'organization', ...(first.curated ? { curated: first.curated } : {}) };
        out.push(hit);
        mine.push(hit);
      }
    }
  }
  return out;
}

const WORD_CHAR = /^[\p{L}\p{N}-]$/u;
/** Is the code point ending just before `i` a letter, a digit or a hyphen? */
function wordCharBefore(text: string, i: number): boolean {
  if (i === 0) return false;
  const low = text.charCodeAt(i - 1);
  const from = low >= 0xdc00 && low <= 0xdfff && i >= 2 && isHighSurrogate(text.charCodeAt(i - 2)) ? i - 2 : i - 1;
  return WORD_CHAR.test(String.fromCodePoint(text.codePointAt(from)!));
}
/** Is the code point starting at `i` a letter, a digit or a hyphen? */
function wordCharAt(text: string, i: number): boolean {
  if (i >= text.length) return false;
  return WORD_CHAR.test(String.fromCodePoint(text.codePointAt(i)!));
}
const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;

function hitsOfBlock(block: Block, tagger: NameTagger, lexicon: Lexicon, proper: (word: string) => boolean): Hit[] {
  const text = block.text;
  const out: Hit[] = [];
  const taken = (s: number, e: number): boolean => out.some((h) => s < h.end && e > h.start);
  if (lexicon.pattern) {
    for (const { start, end } of findNames(text, lexicon.pattern, foldForMatch(text))) {
      const curated = lexicon.byKey.get(nameKey(text.slice(start, end)));
      if (!curated || taken(start, end)) continue;
      out.push({ block: block.n, start, end, text: text.slice(start, end), kind: curated.kind, curated });
    }
  }
  const masked = titleCaseRanges(text, block.kind === 'heading');
  const spans = joinListedName(text, joinOrganizationParts(text, joinPlaceHeads(text, extendToHeadWord(text, joinParticles(text, tagger.tagText(text))))));
  for (let k = 0; k < spans.length; k++) {
    const span = spans[k]!;
    const cleaned = cleanSpan(text, span.start, span.end);
    if (!cleaned || taken(cleaned.start, cleaned.end)) continue;
    if (masked.some((r) => cleaned.start >= r.start && cleaned.end <= r.end)) continue;
    const name = text.slice(cleaned.start, cleaned.end);
    const key = nameKey(name);
    if (lexicon.ignore.has(key) || isGenericName(name)) continue;
    const curated = lexicon.byKey.get(key);
    const after = text.slice(cleaned.end);
    // `ATLANTA (AP) —`: a date line's place and the agency it came from, not a name and its acronym.
    const acronym = name === name.toUpperCase() && /^\s*\([^)]*\)\s*[—–-]/u.test(after) ? undefined : acronymAfter(after);
    let kind = curated?.kind ?? KIND_OF[span.type];
    let sure = false;
    const orgCandidate = !curated && (span.type === 'ORG' || span.type === 'LOC' || (span.type === 'PER' && !/\s/u.test(name)));
    // A place's name before a title is where the title is held (`Czech Republic President Vaclav Havel`).
    const orgContext = orgCandidate && ((span.type !== 'LOC' && titleThenPerson(text, cleaned.end, spans[k + 1])) || ORG_CONTEXT_AFTER.test(after) || COMPANY_NOUN_BEFORE.test(text.slice(Math.max(0, cleaned.start - 30), cleaned.start)) || SHARES_IN.test(text.slice(Math.max(0, cleaned.start - 16), cleaned.start)));
    if (orgContext && !PLACES.has(fold(name).toLowerCase())) {
      kind = 'organization';
      sure = true;
    } else if (!curated && (ORG_NOUN_AFTER.test(after) || acronym !== undefined || (span.type !== 'PER' && ORG_APPOSITION.test(after)))) kind = 'organization';
    // `the Belgian farmers' union Boerenbond`: a name the tagger left as no entity, right after an organization noun.
    else if (!curated && span.type === 'MISC' && ORG_NOUN_BEFORE.test(text.slice(Math.max(0, cleaned.start - 16), cleaned.start))) kind = 'organization';
    else if (!curated && looksLikePlace(name)) kind = 'place';
    // `in Lyon and Marseille`: a known place name the tagger read as an organization (a football club, in
    // its 1996 training data), listed with a place or after a preposition of place.
    else if (!curated && span.type === 'ORG' && PLACES.has(fold(name).toLowerCase()) && (listedWith(text, cleaned, spans, 'LOC') || PLACE_PREPOSITION.test(text.slice(Math.max(0, cleaned.start - 16), cleaned.start)))) kind = 'place';
    else if (!curated && span.type !== 'PER' && readsAsPerson(text, cleaned, spans)) kind = 'person';
    // `Mr. Lefebvre`: a form of address makes a person.
    else if (!curated && kind !== 'person' && ADDRESSED.test(text.slice(Math.max(0, cleaned.start - 12), cleaned.start)) && /^\p{Lu}[\p{L}'’-]*(?:\s\p{Lu}[\p{L}'’-]*){0,2}$/u.test(name)) kind = 'person';
    // `Nahel M.`: a given name and an initial, as news reports name minors and suspects.
    else if (!curated && /^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?\s\p{Lu}$/u.test(name) && text[cleaned.end] === '.') kind = 'person';
    if (kind === null) continue;
    out.push({ block: block.n, start: cleaned.start, end: cleaned.end, text: name, kind, ...(curated ? { curated } : {}), ...(acronym ? { acronym } : {}), ...(sure ? { sure: true } : {}) });
  }
  // `Delta spokesman Morgan Durrant`: a name the tagger missed, before a title and a person, names an organization.
  for (const person of spans) {
    if (person.type !== 'PER' || !TITLE_WORDS.has(wordBefore(text, person.start))) continue;
    const m = ORG_TITLE_BEFORE.exec(text.slice(Math.max(0, person.start - 80), person.start));
    if (!m || PLACE_TITLE.test(m[0])) continue;
    const start = person.start - m[0].length;
    const cleaned = cleanSpan(text, start, start + m[1]!.length);
    if (!cleaned || taken(cleaned.start, cleaned.end) || spans.some((o) => o.start < cleaned.end && o.end > cleaned.start)) continue;
    const name = text.slice(cleaned.start, cleaned.end);
    if (isGenericName(name) || lexicon.ignore.has(nameKey(name)) || PLACES.has(fold(name).toLowerCase()) || !name.split(/\s+/u).every(proper)) continue;
    const curated = lexicon.byKey.get(nameKey(name));
    out.push({ block: block.n, start: cleaned.start, end: cleaned.end, text: name, kind: curated?.kind ?? 'organization', ...(curated ? { curated } : {}), sure: true });
  }
  // An acronym in parentheses after a name the tagger missed: the name is the words it stands for.
  for (const m of text.matchAll(/\((\p{Lu}[\p{Lu}\p{N}&.-]{1,11})\)/gu)) {
    const long = longFormBefore(text, m.index, m[1]!);
    if (!long) continue;
    // `Syndicat` tagged alone in `Syndicat des cadres de la sécurité intérieure (SCSI)`: the long form wins
    // over organization names inside it, not over a person or a curated name.
    const inside = out.filter((h) => h.start < m.index && h.end > long.start);
    if (inside.some((h) => h.start < long.start || h.end > long.end || (h.start === long.start && h.end === long.end) || h.kind !== 'organization' || h.curated)) continue;
    const name = text.slice(long.start, long.end);
    // An organization's name has an organization word: not `Optimised Deprival Value (ODV)`.
    if (!name.split(/\s+/u).some(isOrgWord)) continue;
    const curated = lexicon.byKey.get(nameKey(name));
    if (lexicon.ignore.has(nameKey(name))) continue;
    for (const h of inside) out.splice(out.indexOf(h), 1);
    out.push({ block: block.n, start: long.start, end: long.end, text: name, kind: curated?.kind ?? 'organization', ...(curated ? { curated } : {}), acronym: m[1]! });
  }
  // An acronym in parentheses after a name is a mention of the same entity.
  for (const h of [...out]) {
    if (!h.acronym) continue;
    const start = text.indexOf(h.acronym, h.end);
    if (start >= 0 && !taken(start, start + h.acronym.length)) out.push({ block: block.n, start, end: start + h.acronym.length, text: h.acronym, kind: h.kind, ...(h.curated ? { curated: h.curated } : {}) });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** A lower-case title, with up to two lower-case words before it: `spokesman`, `party leader`, `general secretary`. */
const LOWER_TITLE = `(?:\\p{Ll}[\\p{L}-]*\\s+){0,2}?(?:${TITLE_NOUNS})(?:\\s+(?:${TITLE_NOUNS}))*`;
/** Capitalized words, a lower-case title, the end: what stands before a person in `Delta spokesman Morgan Durrant`. */
const ORG_TITLE_BEFORE = new RegExp(`(?<![\\p{L}\\p{N}'’.-])((?:\\p{Lu}[\\p{L}'’&.-]*\\s+){1,3})${LOWER_TITLE}\\s+$`, 'u');
/** An apposition that says a name is an organization's: `CFE-CGC, the union of managers`, `, a smaller left-wing union`. */
const ORG_APPOSITION = /^,\s+(?:the|a|an|its|their)\s+(?:[\p{L}'’-]+\s+){0,3}?(?:union|trade union|party|federation|confederation|association|syndicate)\b/u;

/** Prepositions before a place: `in Marseille`, `the northern districts of Marseille`, `far beyond Marseille`. */
const PLACE_PREPOSITION = /\b(?:in|of|beyond|from|near|across|outside|around|throughout)\s+(?:the\s+)?$/u;
/** A form of address right before a name. */
const ADDRESSED = new RegExp(`\\b(?:${HONORIFICS})\\.?\\s+$`, 'iu');
const TITLE_WORDS = new Set(TITLE_NOUNS.split('|'));
/** The word that ends right before `i`, spaces skipped: a cheap test before the patterns above. */
function wordBefore(text: string, i: number): string {
  let end = i;
  while (end > 0 && text[end - 1] === ' ') end--;
  let start = end;
  while (start > 0 && /[\p{L}-]/u.test(text[start - 1]!)) start--;
  return text.slice(start, end);
}
/** A title after a tagged name and before a person, in any case: `Verdi chairman `, `Renault Chief Executive `; not one held in a place (`Orvieto mayor`). */
const TITLE_AFTER = new RegExp(`^\\s+(?!.*\\b(?:mayor|governor|prefect|councillor)\\b)(?:[\\p{L}-]+\\s+){0,2}?(?:${TITLE_NOUNS})(?:\\s+(?:${TITLE_NOUNS}))*\\s+$`, 'iu');
/** Common nouns for a company right before its name: `carmaker Renault`, `oil giant Total`. */
const COMPANY_NOUN_BEFORE = /\b(?:carmaker|automaker|airline|carrier|retailer|insurer|lender|broadcaster|newspaper|publisher|manufacturer|supermarket|bank|company|firm|conglomerate|giant|start-?up|operator)\s+$/u;
/** A spokesperson after the name (`A Renault spokeswoman said`), or what an organization does (`Copa-Cogeca, which represents`). */
const ORG_CONTEXT_AFTER = /^(?:\s+spokes(?:man|woman|person)\b|,\s+which\s+(?:represents|groups|brings\s+together|speaks\s+for)\b)/u;
/** A lower-case organization noun right before a name: `union Boerenbond`. */
const ORG_NOUN_BEFORE = /\b(?:union|federation|confederation|association|party|syndicate|bloc|coalition)\s+$/u;
/** `Shares in Renault fell`. */
const SHARES_IN = /\bshares\s+(?:in|of)\s+$/iu;
/** Titles held in a place, whose name comes before them: `Orvieto mayor`, `Sao Paulo state governor`. */
const PLACE_TITLE = /\b(?:mayor|governor|prefect|councillor|state|regional|city|town|county|local)\b/u;

/** Is a name at `end` followed by a lower-case title and a person: `Verdi chairman Frank Werneke`? */
function titleThenPerson(text: string, end: number, next: TaggedSpan | undefined): boolean {
  return next !== undefined && next.type === 'PER' && next.start > end && next.start - end < 60 && TITLE_AFTER.test(text.slice(end, next.start));
}

/**
 * Which words the article uses as proper nouns: capitalized somewhere other than at the start of a
 * sentence, a quote or a line (`Pilots at Delta Air Lines`, not `Local union leaders`).
 */
function properNouns(blocks: readonly Block[]): (word: string) => boolean {
  const seen = new Map<string, boolean>();
  return (word) => {
    let known = seen.get(word);
    if (known === undefined) {
      const re = new RegExp(`[\\p{L}\\p{N},;]\\s+${word.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}(?![\\p{L}\\p{N}])`, 'u');
      known = blocks.some((b) => re.test(b.text));
      seen.set(word, known);
    }
    return known;
  };
}

/** Lower-case particles inside a surname: `Ursula von der Leyen`, `Jean-Paul Dupont de la Tour`. */
const PARTICLE = '(?:von|van|de|der|den|du|des|la|le|da|di|dos|das|del|della|ter|ten|bin|ibn|al)';
const PARTICLE_WORD = new RegExp(`^${PARTICLE}$`, 'iu');
const PARTICLES_THEN_NAME = new RegExp(`^((?:\\s+${PARTICLE}){1,3})\\s+\\p{Lu}[\\p{L}'’-]*`, 'u');
const ENDS_IN_PARTICLES = new RegExp(`((?:\\s+${PARTICLE}){1,3})$`, 'u');
const PARTICLES_BEFORE = new RegExp(`(?:^|[^\\p{L}])((?:${PARTICLE}\\s+){1,3})$`, 'u');

/**
 * Mend a name with particles, which the tagger cuts at them: a person's name runs on over
 * lower-case particles to the capitalized word after them (`Ursula von` + `der Leyen`); a name
 * right after particles at a name's place in the sentence is a person's surname (`von der Leyen told`).
 */
function joinParticles(text: string, spans: readonly TaggedSpan[]): TaggedSpan[] {
  const out: TaggedSpan[] = [];
  let until = -1;
  for (const span of spans) {
    if (span.start < until) continue;
    if (span.type === 'PER') {
      const trailing = ENDS_IN_PARTICLES.exec(span.text);
      const base = trailing ? span.end - trailing[1]!.length : span.end;
      const m = PARTICLES_THEN_NAME.exec(text.slice(base, base + 60));
      if (m && (trailing || m[1]!.length > 0)) {
        const end = base + m[0].length;
        until = end;
        out.push({ start: span.start, end, type: 'PER', text: text.slice(span.start, end) });
        continue;
      }
    } else if (/^\p{Lu}[\p{L}'’-]*$/u.test(span.text)) {
      const before = PARTICLES_BEFORE.exec(text.slice(Math.max(0, span.start - 20), span.start));
      // Not `the Rue de la Paix` or `Place de la Concorde`: the particles follow no capitalized word.
      if (before && !/\p{Lu}[\p{L}'’-]*\s+$/u.test(text.slice(Math.max(0, span.start - 20 - 30), span.start - before[1]!.length))) {
        const start = span.start - before[1]!.length;
        out.push({ start, end: span.end, type: 'PER', text: text.slice(start, span.end) });
        continue;
      }
    }
    out.push(span);
  }
  return out;
}

/** Words that end the name of an organization, after the name of a place or another organization: `Delta Air Lines`. */
const HEAD_WORDS = new Set(
  ('union unions party ministry university institute center centre federation association council agency bank group inc ltd corp corporation ' +
    'company plc committee commission board authority organisation organization foundation trust society college academy confederation ' +
    'syndicate league alliance movement airlines airways lines motors industries holdings tribunal court department office directorate ' +
    'inspectorate hospital').split(' '),
);
/** Words that end the name of a law or treaty, which is no entity the archive keeps: `Railway Labor Act`. */
const LAW_WORDS = new Set('act acts law treaty accord accords directive amendment'.split(' '));

/**
 * Mend a name the tagger stopped short of its head word: capitalized words right after a place,
 * organization or other name, up to an organization word, make it an organization (`Delta` +
 * `Air Lines`); up to a law's word, a law (`Railway Labor` + `Act`), which is not kept.
 */
function extendToHeadWord(text: string, spans: readonly TaggedSpan[]): TaggedSpan[] {
  const out: TaggedSpan[] = [];
  let until = -1;
  for (let k = 0; k < spans.length; k++) {
    const span = spans[k]!;
    if (span.start < until) continue;
    if (span.type === 'PER') {
      out.push(span);
      continue;
    }
    // The words taken in are untagged, or tagged as the head word alone (`Lines`): not `anti-Rangoon` + `Karen National Union`.
    const next = spans[k + 1];
    const stop = Math.min(next && !HEAD_WORDS.has(next.text.toLowerCase()) ? next.start : text.length, span.end + 80);
    const words = text[span.end] === ' ' ? /^(?:\s\p{Lu}[\p{L}'’-]*){1,3}(?![\p{L}\p{N}])/u.exec(text.slice(span.end, stop))?.[0].trim().split(' ') ?? [] : [];
    let end = -1;
    let type: TaggedSpan['type'] = span.type;
    for (let i = words.length - 1; i >= 0 && end < 0; i--) {
      const w = words[i]!.toLowerCase();
      if (HEAD_WORDS.has(w) || LAW_WORDS.has(w)) {
        end = span.end + 1 + words.slice(0, i + 1).join(' ').length;
        type = HEAD_WORDS.has(w) ? 'ORG' : 'MISC';
      }
    }
    // `the Unité SGP` + `Police-FO` + ` union`: capitalized words before an organization noun are the name's.
    if (end < 0 && span.type === 'ORG' && words.length > 0) {
      const through = span.end + 1 + words.join(' ').length;
      if (ORG_NOUN_AFTER.test(text.slice(through, through + 40))) end = through;
    }
    if (end < 0 && LAW_WORDS.has(span.text.split(' ').at(-1)!.toLowerCase())) type = 'MISC';
    if (end < 0) {
      out.push(type === span.type ? span : { ...span, type });
      continue;
    }
    // Spans the longer name takes in (`Lines` in `Delta Air Lines`) go.
    until = end;
    out.push({ start: span.start, end, type, text: text.slice(span.start, end) });
  }
  return out;
}

/** French words that make a name an organization's (ASCII-folded), beside the tagger's English `ORG_KEYWORDS`. */
const FRENCH_ORG_WORDS = new Set('observatoire conseil comite institut direction ligue centre agence commission syndicat federation confederation union association collectif mouvement parti societe groupe banque ministere office caisse ecole universite assemblee cour tribunal fondation regie'.split(' '));

function isOrgWord(word: string): boolean {
  const w = fold(word).toLowerCase();
  return ORG_KEYWORDS.has(w) || FRENCH_ORG_WORDS.has(w);
}

/** Words an acronym skips: `Observatoire international des prisons (OIP)`, `Union of Harbour Workers (UHW)`. */
const ACRONYM_SKIPS = new Set(['of', 'the', 'for', 'and', 'on', 'in', 'to', 'de', 'des', 'du', 'la', 'le', 'les', 'et', 'pour', 'en', 'à', '&']);

/**
 * The words before `(ACRONYM)` at `open` that it stands for: the fewest last words whose initials, the
 * joining words left out, are its letters (`Observatoire international des prisons` for `OIP`), the first
 * capitalized. After Schwartz & Hearst (2003), with whole initials only.
 */
function longFormBefore(text: string, open: number, acronym: string): { start: number; end: number } | null {
  const letters = acronym.replace(/[^\p{Lu}\p{N}]/gu, '').toLowerCase();
  if (letters.length < 2) return null;
  const head = text.slice(Math.max(0, open - 160), open);
  const words = [...head.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’-]*|&/gu)];
  const end = Math.max(0, open - 160) + head.trimEnd().length;
  if (!/[\p{L}\p{N}]$/u.test(head.trimEnd())) return null;
  let initials = '';
  for (let i = words.length - 1; i >= 0 && words.length - i <= letters.length * 2 + 2; i--) {
    const w = words[i]![0];
    if (!ACRONYM_SKIPS.has(w.toLowerCase())) initials = w[0]!.toLowerCase() + initials;
    if (initials === letters && /^\p{Lu}/u.test(w)) return { start: Math.max(0, open - 160) + words[i]!.index, end };
    if (!letters.endsWith(initials)) return null;
  }
  return null;
}

const PERSON_SHAPE = /^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?(?:\s+\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?){1,2}$/u;
const TITLE_APPOSITION = new RegExp(`^,\\s+(?:an?\\s+|the\\s+|its\\s+|former\\s+)?(?:[\\p{L}-]+\\s+){0,2}?(?:${TITLE_NOUNS})\\b`, 'iu');
const TITLE_BEFORE = new RegExp(`\\bthe\\s+(?:[\\p{L}-]+\\s+){0,2}?(?:${TITLE_NOUNS}),\\s+$`, 'iu');
/** Speech verbs that come before their speaker (`…, reports Jane Roe`); not `told`, whose object is the listener. */
const SPEECH_BEFORE = new RegExp(`\\b(?:${SPEECH_VERBS.split('|').filter((v) => !/^(?:told|tells|asked|asks|warned|warns|replied|replies)$/.test(v)).join('|')})\\s+$`, 'u');

/**
 * A name-shaped span (`Firstname Lastname`) that the tagger called something else reads as a
 * person when its context says so: a title after it (`X, director of`), a speech verb before it
 * (`reports X`), or a person it is listed with (`X or Jane Roe`).
 */
function readsAsPerson(text: string, span: { start: number; end: number }, spans: readonly TaggedSpan[]): boolean {
  if (!PERSON_SHAPE.test(text.slice(span.start, span.end))) return false;
  if (TITLE_APPOSITION.test(text.slice(span.end))) return true;
  // `The health secretary, Victoria Atkins, said`
  if (TITLE_BEFORE.test(text.slice(Math.max(0, span.start - 60), span.start)) && /^(?:,|\s+(?:said|says)\b)/u.test(text.slice(span.end))) return true;
  if (SPEECH_BEFORE.test(text.slice(Math.max(0, span.start - 30), span.start))) return true;
  return listedWith(text, span, spans, 'PER');
}

/** Is the span listed with a span of the type, right before or after it (`X, Y`, `X and Y`, `X or Y`)? */
function listedWith(text: string, span: { start: number; end: number }, spans: readonly TaggedSpan[], type: TaggedSpan['type']): boolean {
  const joins = (between: string): boolean => /^\s*(?:,|and|or|,\s*and)\s*$/u.test(between);
  return spans.some((o) => o.type === type && ((o.start >= span.end && joins(text.slice(span.end, o.start))) || (o.end <= span.start && joins(text.slice(o.end, span.start)))));
}

/** Words that join the parts of a long organization name: `Center for Research on Law and Institutions`. */
const CONNECTOR = "(?:of|on|and|for|the|in|de|des|du|la|le|les|et|d['’]|l['’])";
const BETWEEN_PARTS = new RegExp(`^(?:\\s+(?:${CONNECTOR}|\\p{Lu}[\\p{L}'’-]*))*\\s+(?:${CONNECTOR})\\s+(?:\\p{Lu}[\\p{L}'’-]*\\s+)*$`, 'u');
/** French heads of organization names, followed by lower-case words up to an English noun: `Syndicat national des dockers union`. */
const FRENCH_HEAD = /^(?:Syndicat|Fédération|Federation|Confédération|Union|Parti|Mouvement|Association|Collectif)\b/u;
const FRENCH_TAIL = /^((?:\s+(?:\p{Ll}[\p{Ll}'’-]*|\p{Lu}[\p{Ll}'’-]*)){1,5}?)\s+(?:union|trade union|syndicate|party|federation|confederation|association)\b/u;

/** French heads that are no English word: their lower-case words after them are the name's (`Confédération paysanne`). */
const FRENCH_ONLY_HEAD = /^(?:Syndicat|Fédération|Confédération|Parti|Mouvement|Collectif)\b/u;
const FRENCH_WORDS_TO_PUNCTUATION = /^((?:\s+\p{Ll}[\p{Ll}'’-]*){1,4})(?=\s*[,.;:)]|\s+\()/u;
/** Do lower-case words read as French: no English word among them, each accented or with a French ending (`insoumise`, `paysanne`)? */
function frenchWords(words: string): boolean {
  return words.trim().split(/\s+/u).every((w) => !ENGLISH_WORDS.has(w) && (FRENCH_FUNCTION_WORDS.has(w) || /[àâçéèêëîïôûùüÿœ]|(?:e|es|x|ique|iques)$/u.test(w)));
}
const FRENCH_FUNCTION_WORDS = new Set(['de', 'des', 'du', 'la', 'le', 'les', 'et', 'aux', 'au', 'pour', 'en']);
/** English words that end a French name, not belong to it: `the Syndicat said`. */
const ENGLISH_WORDS = new Set(`said says say told has have had is are was were will would could should can may might and or but the a an of in on at to for from with by which who that this it its their as also still now again then
  ${SPEECH_VERBS.replaceAll('|', ' ')}`.split(/\s+/u));

/**
 * Mend organization names the tagger cuts in pieces: two parts joined by connectors and
 * capitalized words become one name, and a French name runs on to the English noun after it.
 */
function joinOrganizationParts(text: string, spans: readonly TaggedSpan[]): TaggedSpan[] {
  const out: TaggedSpan[] = [];
  for (const span of spans) {
    const prev = out.at(-1);
    if (prev && prev.type === 'ORG' && span.type === 'ORG' && span.start - prev.end <= 40 && BETWEEN_PARTS.test(text.slice(prev.end, span.start)) && /\s\p{Lu}/u.test(text.slice(prev.end, span.start))) {
      out[out.length - 1] = { start: prev.start, end: span.end, type: 'ORG', text: text.slice(prev.start, span.end) };
      continue;
    }
    out.push(span);
  }
  return out.map((span) => {
    // `La France insoumise, the party`: a French name with its article, and lower-case French words after it.
    if (span.type !== 'PER' && /^(?:La|Le|Les)\s/u.test(span.text)) {
      const bare = FRENCH_WORDS_TO_PUNCTUATION.exec(text.slice(span.end));
      if (!bare || !frenchWords(bare[1]!)) return span;
      const end = span.end + bare[1]!.length;
      return { start: span.start, end, type: 'ORG', text: text.slice(span.start, end) };
    }
    if (span.type !== 'ORG' || !FRENCH_HEAD.test(span.text)) return span;
    // `Confédération paysanne, a union`: a French head's lower-case words up to the punctuation after them.
    const bare = FRENCH_ONLY_HEAD.test(span.text) ? FRENCH_WORDS_TO_PUNCTUATION.exec(text.slice(span.end)) : null;
    const tail = FRENCH_TAIL.exec(text.slice(span.end)) ?? (bare && frenchWords(bare[1]!) ? bare : null);
    if (!tail || !/\p{Ll}/u.test(tail[1]!)) return span;
    // `the Harbour police union` is the Harbour, a police union: lower-case words run on only after a
    // head that is no English word, or when they are French (`Syndicat national des dockers`).
    const tailWords = tail[1]!.trim().split(/\s+/u);
    if (!FRENCH_ONLY_HEAD.test(span.text) && tailWords.every((w) => /^\p{Ll}/u.test(w)) && !tailWords.some((w) => FRENCH_FUNCTION_WORDS.has(w))) return span;
    const end = span.end + tail[1]!.length;
    return { ...span, end, text: text.slice(span.start, end) };
  });
}

/** The initials of a name's capitalized words: `Union of Rail, Maritime and Transport Workers` → `URMTW`. */
const initials = (name: string): string => (name.match(/\p{Lu}[\p{L}'’-]*/gu) ?? []).map((w) => w[0]).join('');
/** Is every letter of `short` in `long`, in order? */
const isSubsequence = (short: string, long: string): boolean => {
  let i = 0;
  for (const c of long) if (c === short[i]) i++;
  return i === short.length;
};

/**
 * `National Union of Rail, Maritime and Transport Workers (RMT)`: a name with a list in it, which the
 * tagger cuts at the commas. Organizations listed before one with an acronym in parentheses are one
 * name with it when the acronym stands for the whole (its letters are initials of the joined name
 * in order) and not for the last part alone (`Port Workers (PW)` keeps a list of three apart).
 */
function joinListedName(text: string, spans: readonly TaggedSpan[]): TaggedSpan[] {
  const out: TaggedSpan[] = [];
  for (const span of spans) {
    const acronym = span.type === 'ORG' ? acronymAfter(text.slice(span.end)) : undefined;
    let first = out.length;
    while (acronym && first > 0 && out[first - 1]!.type === 'ORG' && /^(?:,\s*|,?\s+(?:and|&)\s+)$/u.test(text.slice(out[first - 1]!.end, (out[first] ?? span).start))) first--;
    const start = out[first]?.start;
    if (acronym && start !== undefined && !isSubsequence(acronym, initials(span.text)) && isSubsequence(acronym, initials(text.slice(start, span.end)))) {
      out.splice(first, out.length - first, { start, end: span.end, type: 'ORG', text: text.slice(start, span.end) });
      continue;
    }
    out.push(span);
  }
  return out;
}

/** `Place` + `Saint-Michel` tagged apart are one place: `Place Saint-Michel`. */
function joinPlaceHeads(text: string, spans: readonly TaggedSpan[]): TaggedSpan[] {
  const out: TaggedSpan[] = [];
  for (const span of spans) {
    const prev = out.at(-1);
    if (prev && PLACE_HEADS.test(prev.text) && /^\s+$/u.test(text.slice(prev.end, span.start))) {
      out[out.length - 1] = { start: prev.start, end: span.end, type: 'LOC', text: text.slice(prev.start, span.end) };
      continue;
    }
    const head = /(?:^|\s)(\p{Lu}[\p{L}.]*)\s+$/u.exec(text.slice(Math.max(0, span.start - 12), span.start));
    if (head && PLACE_HEADS.test(head[1]!) && (span.type === 'LOC' || span.type === 'ORG' || span.type === 'PER')) {
      const start = span.start - head[0].length + (head[0].startsWith(' ') ? 1 : 0);
      if (!prev || prev.end <= start) {
        out.push({ start, end: span.end, type: 'LOC', text: text.slice(start, span.end) });
        continue;
      }
    }
    out.push(span);
  }
  return out;
}

const tokens = (name: string): string[] => nameKey(name).split(' ').filter(Boolean);

/** Group hits into entities: by curated entry, then by name, then surnames and short forms. */
function groupHits(hits: readonly Hit[], blocks: readonly Block[]): FoundEntity[] {
  interface Group { key: string; curated?: CuratedEntity; names: Map<string, number>; kinds: Map<EntityKind, number>; sureKinds: Map<EntityKind, number>; hits: Hit[]; acronyms: Set<string> }
  const groups = new Map<string, Group>();
  const groupOf = (key: string, curated?: CuratedEntity): Group => {
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, ...(curated ? { curated } : {}), names: new Map(), kinds: new Map(), sureKinds: new Map(), hits: [], acronyms: new Set() }));
    return g;
  };
  const acronymOwner = new Map<string, string>();
  for (const h of hits) if (h.acronym) acronymOwner.set(nameKey(h.acronym), h.curated ? `curated:${nameKey(h.curated.name)}` : nameKey(h.text));
  for (const h of hits) {
    const key = h.curated ? `curated:${nameKey(h.curated.name)}` : acronymOwner.get(nameKey(h.text)) ?? nameKey(h.text);
    const g = groupOf(key, h.curated);
    g.hits.push(h);
    g.names.set(h.text, (g.names.get(h.text) ?? 0) + 1);
    g.kinds.set(h.kind, (g.kinds.get(h.kind) ?? 0) + 1);
    if (h.sure) g.sureKinds.set(h.kind, (g.sureKinds.get(h.kind) ?? 0) + 1);
    if (h.acronym) g.acronyms.add(h.acronym);
  }
  // Short forms: a one-word person name joins the one person whose full name starts or ends with it;
  // an organization name joins the one longer organization name it begins.
  // A kind read from the words around a name outweighs the tagger's guesses.
  const kindOf = (g: Group): EntityKind => g.curated?.kind ?? [...(g.sureKinds.size > 0 ? g.sureKinds : g.kinds).entries()].sort((a, b) => b[1] - a[1])[0]![0];
  const longest = (g: Group): string[] => tokens([...g.names.keys()].sort((a, b) => tokens(b).length - tokens(a).length)[0] ?? '');
  // Both are computed once per group: merging never changes them, as kinds are not merged and
  // a group only takes in names with fewer words than its longest.
  const kindsOf = new Map<Group, EntityKind>();
  const longestOf = new Map<Group, string[]>();
  for (const g of groups.values()) {
    kindsOf.set(g, kindOf(g));
    longestOf.set(g, longest(g));
  }
  // `BMA` after `British Medical Association`: an acronym written without parentheses joins the one
  // organization whose words' initials it spells.
  const byInitials = new Map<string, Group[]>();
  for (const g of groups.values()) {
    if (kindsOf.get(g) !== 'organization') continue;
    const name = [...g.names.keys()].sort((a, b) => b.length - a.length)[0]!;
    const words = name.split(/\s+/u).filter((w) => !ACRONYM_SKIPS.has(w.toLowerCase()));
    if (words.length < 2 || !words.every((w) => /^\p{Lu}/u.test(w))) continue;
    const key = initials(name);
    byInitials.set(key, [...(byInitials.get(key) ?? []), g]);
  }
  for (const g of [...groups.values()]) {
    if (g.curated || kindsOf.get(g) !== 'organization' || g.names.size !== 1) continue;
    const [name] = g.names.keys();
    const targets = /^\p{Lu}{2,6}$/u.test(name!) ? byInitials.get(name!) : undefined;
    if (targets?.length !== 1 || targets[0] === g) continue;
    const target = targets[0]!;
    for (const h of g.hits) target.hits.push(h);
    target.names.set(name!, (target.names.get(name!) ?? 0) + g.names.get(name!)!);
    groups.delete(g.key);
  }
  for (const g of [...groups.values()]) {
    if (g.curated) continue;
    const mine = longestOf.get(g)!;
    const kind = kindsOf.get(g)!;
    const targets = [...groups.values()].filter((o) => {
      if (o === g) return false;
      const full = longestOf.get(o)!;
      if (full.length <= mine.length) return false;
      const other = kindsOf.get(o)!;
      if (other === 'person' && kind === 'person' && mine.length === 1) return full[0] === mine[0] || full.at(-1) === mine[0];
      // `von der Leyen` after `Ursula von der Leyen`: a surname with its particles.
      if (other === 'person' && kind === 'person' && PARTICLE_WORD.test(mine[0]!)) return mine.every((t, i) => full[full.length - mine.length + i] === t);
      // `the Commission` after `European Commission`: an organization's last word.
      if (other === 'organization' && kind === 'organization' && mine.length === 1 && full.at(-1) === mine[0]) return true;
      // Not a known place (`Bangladesh` is no short form of `Bangladesh Nationalist Party`).
      if (other === 'organization' && (kind === 'organization' || (kind === 'place' && !mine.some((t) => PLACES.has(t))))) return mine.every((t, i) => full[i] === t);
      return false;
    });
    if (targets.length !== 1) continue;
    const target = targets[0]!;
    for (const h of g.hits) target.hits.push(h);
    for (const [n, c] of g.names) target.names.set(n, (target.names.get(n) ?? 0) + c);
    for (const a of g.acronyms) target.acronyms.add(a);
    groups.delete(g.key);
  }
  const sentencesOf = new Map(blocks.map((b) => [b.n, splitSentences(b.text)]));
  const textOf = new Map(blocks.map((b) => [b.n, b.text]));
  const entities: FoundEntity[] = [];
  for (const g of groups.values()) {
    const kind = kindsOf.get(g)!;
    const written = [...g.names.keys()];
    const shouted = (n: string): number => (n === n.toUpperCase() && /\p{Lu}{4}/u.test(n) ? 1 : 0);
    const best = written.sort((a, b) => tokens(b).length - tokens(a).length || shouted(a) - shouted(b) || b.length - a.length)[0]!;
    // A dateline's `PARIS` is Paris; acronyms (`NATO`, `UNESCO`) stay as they are.
    const name = g.curated?.name ?? (kind === 'place' && shouted(best) ? titleCase(best) : best);
    const aliases = [...new Set([...written, ...g.acronyms])].filter((n) => nameKey(n) !== nameKey(name));
    const mentions: Mention[] = g.hits
      .sort((a, b) => a.block - b.block || a.start - b.start)
      .map((h) => {
        const sentence = sentenceAt(sentencesOf.get(h.block) ?? [], h.start);
        return { block: h.block, start: h.start, end: h.end, text: h.text, sentence: sentence?.text ?? textOf.get(h.block) ?? '' };
      });
    entities.push({ name, kind, aliases: dedupeByKey(aliases), mentions });
  }
  return entities.sort((a, b) => (a.mentions[0]?.block ?? 0) - (b.mentions[0]?.block ?? 0) || (a.mentions[0]?.start ?? 0) - (b.mentions[0]?.start ?? 0));
}

function titleCase(name: string): string {
  return name.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
}

function dedupeByKey(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.filter((n) => {
    const k = nameKey(n);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
