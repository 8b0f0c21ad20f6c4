/**
 * Every record type of Dossier, in one place.
 *
 * Data flows one way: `Source` (read) → `ArticleRecord` (extract) → `Archive` (link) → pages.
 * Records are readonly; each stage returns new values.
 * This module imports nothing.
 */

// ---------------------------------------------------------------- identifiers

/** A string branded with the kind of thing it identifies, so that one kind of id cannot stand in for another. */
export type Slug<T extends string> = string & { readonly __brand: T };
export type ArticleId = Slug<'article'>;
export type PersonId = Slug<'person'>;
export type OrganizationId = Slug<'organization'>;
export type PlaceId = Slug<'place'>;
export type EntityId = PersonId | OrganizationId | PlaceId;

/** The three kinds of named entity that get pages of their own. */
export type EntityKind = 'person' | 'organization' | 'place';
export const ENTITY_KINDS: readonly EntityKind[] = ['person', 'organization', 'place'];
export function isEntityKind(value: unknown): value is EntityKind {
  return value === 'person' || value === 'organization' || value === 'place';
}

// ---------------------------------------------------------------- problems

/** A problem found in content, vfile-style: where it is and what to do about it. */
export interface Problem {
  /** Path of the file, relative to the content folder where possible. */
  readonly file: string;
  /** 1-based line in that file, when the problem has one. */
  readonly line?: number;
  /** What is wrong and how to fix it, in one sentence. */
  readonly message: string;
  /** `error` stops the build; `warning` is listed at the end. */
  readonly severity: 'error' | 'warning';
}

// ---------------------------------------------------------------- dates

/** How much of a date is known. */
export type DatePrecision = 'year' | 'month' | 'day';

/** A calendar date known to some precision. */
export interface PartialDate {
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  readonly iso: string;
  readonly precision: DatePrecision;
  /** True when the date was inferred from the text rather than given by an editor. */
  readonly approximate: boolean;
}

// ---------------------------------------------------------------- read

/** Front matter after validation; every field optional. */
export interface FrontMatter {
  /** Stable id of the article, used in its URL; defaults to a slug of the file name. */
  readonly id?: string;
  readonly headline?: string;
  /** Publication date, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  readonly date?: string;
  /** Where the text came from: a publication name. */
  readonly source?: string;
  /** Where the text came from: an address. */
  readonly sourceUrl?: string;
  /** File name the text arrived under, kept for provenance. */
  readonly originalFile?: string;
  /** BCP 47 language tag of the text. */
  readonly language?: string;
  /** Language the text was translated from, if it is a translation. */
  readonly translatedFrom?: string;
  /** One-line summary for lists; defaults to the first sentence. */
  readonly summary?: string;
  /** Who wrote the article; defaults to the text's byline (`By Jane Roe`), if it has one. */
  readonly author?: string;
  /** Names of people the editor asserts the article is about, found even if the tagger misses them. */
  readonly people?: readonly string[];
  /** Names of organizations the editor asserts the article is about. */
  readonly organizations?: readonly string[];
  /** Names of places the editor asserts the article is about. */
  readonly places?: readonly string[];
}

/** One block of a source body, before numbering: a paragraph, a subheading or a list item. */
export interface SourceBlock {
  readonly kind: 'paragraph' | 'heading' | 'item';
  /** The block's text, exactly as in the source (inline Markdown resolved for `.md`). */
  readonly text: string;
  /** 1-based line of the block in the source file. */
  readonly line: number;
}

/** One block of an article's body: a paragraph, a subheading or a list item. */
export interface Block {
  /** 1-based number of the block in the article: the `#pN` anchor. */
  readonly n: number;
  readonly kind: 'paragraph' | 'heading' | 'item';
  /** The block's text, exactly as in the source (inline Markdown resolved for `.md`). */
  readonly text: string;
  /** 1-based line of the block in the source file. */
  readonly line: number;
}

/** A content file after reading: its front matter checked, its body split into blocks. */
export interface Source {
  /** Path relative to the content folder, e.g. `articles/001.txt`. */
  readonly file: string;
  readonly frontMatter: FrontMatter;
  /** The body's blocks, in order, every non-empty line accounted for. */
  readonly blocks: readonly SourceBlock[];
  /** Problems found while reading. */
  readonly problems: readonly Problem[];
}

// ---------------------------------------------------------------- curation

/** A role as curated in `content/entities.yaml`. */
export interface CuratedRole {
  readonly title: string;
  /** Canonical name of the organization. */
  readonly organization: string;
}

/** An editor's entry in `content/entities.yaml`. */
export interface CuratedEntity {
  readonly name: string;
  readonly kind: EntityKind;
  readonly aliases: readonly string[];
  readonly description?: string;
  /** Wikidata id, e.g. `Q42`. */
  readonly wikidata?: string;
  readonly roles: readonly CuratedRole[];
  /** Canonical name of a parent organization (a branch belongs to its union). */
  readonly partOf?: string;
}

/** The editor's knowledge: entities and strings never to treat as names. */
export interface Curation {
  readonly entities: readonly CuratedEntity[];
  /** Strings (matched accent- and case-insensitively) that are never entities. */
  readonly ignore: readonly string[];
}

// ---------------------------------------------------------------- tagging

/** Entity types of the tagger (CoNLL-2003). */
export type EntityType = 'PER' | 'ORG' | 'LOC' | 'MISC';

/** A span of text that the tagger labels as a name. */
export interface TaggedSpan {
  /** Character offset of the first character, in the text given to the tagger. */
  readonly start: number;
  /** Character offset just past the last character. */
  readonly end: number;
  readonly type: EntityType;
  readonly text: string;
}

// ---------------------------------------------------------------- extract

/** Where a fact was read: the block, the sentence, and the character span in the block. */
export interface Evidence {
  /** Block number (`#pN`). */
  readonly block: number;
  /** The whole sentence the fact was read from. */
  readonly sentence: string;
  /** Character offset in the block's text. */
  readonly start: number;
  readonly end: number;
}

/** One occurrence of a name in an article. */
export interface Mention extends Evidence {
  /** The text as written (`Roe`, `the Harbour Workers union`). */
  readonly text: string;
}

/** An entity as found in one article, before linking across articles. */
export interface FoundEntity {
  /** Fullest name used in the article, or the curated canonical name. */
  readonly name: string;
  readonly kind: EntityKind;
  /** Other names the article uses for it (acronyms, short forms). */
  readonly aliases: readonly string[];
  readonly mentions: readonly Mention[];
}

/** A person's position in an organization, as read from one sentence. */
export interface FoundRole {
  /** Name of the person (a `FoundEntity.name`). */
  readonly person: string;
  /** `general secretary`, `Ile-de-France manager`. */
  readonly title: string;
  /** Name of the organization, if the text names one. */
  readonly organization: string | null;
  readonly evidence: Evidence;
}

/** Something demanded, with who demanded it. */
export interface FoundDemand {
  /** Short label: `The protection of identity`. */
  readonly label: string;
  /** Full text of the demand (the list item or sentence). */
  readonly text: string;
  /** Names of the people or organizations making it. */
  readonly by: readonly string[];
  readonly evidence: Evidence;
}

/** Words someone said, with who said them. */
export interface FoundQuote {
  readonly text: string;
  /** Name of the speaker, or null when the text does not say. */
  readonly speaker: string | null;
  readonly evidence: Evidence;
}

/** A dated happening mentioned in the text. */
export interface FoundEvent {
  readonly date: PartialDate;
  /** The date as written: `last Friday`, `April 14, 2021`. */
  readonly expression: string;
  readonly evidence: Evidence;
}

/** A source line left out of the article, and why. */
export interface DroppedLine {
  readonly line: number;
  readonly text: string;
  readonly reason: string;
}

/** Everything extracted from one article. */
export interface ArticleRecord {
  readonly file: string;
  readonly id: string;
  readonly headline: string;
  readonly date: PartialDate | null;
  readonly summary: string;
  /** Who wrote it: the front matter's `author:`, else the text's byline line (`By Jane Roe`), else null. */
  readonly author: string | null;
  readonly frontMatter: FrontMatter;
  readonly blocks: readonly Block[];
  readonly entities: readonly FoundEntity[];
  readonly roles: readonly FoundRole[];
  readonly demands: readonly FoundDemand[];
  readonly quotes: readonly FoundQuote[];
  readonly events: readonly FoundEvent[];
  /** Lines dropped as scraping residue (a repeated headline, a trailing token), for the build log. */
  readonly dropped: readonly DroppedLine[];
  readonly problems: readonly Problem[];
}

// ---------------------------------------------------------------- link

/** A fact's evidence, placed in an article. */
export interface Cited extends Evidence {
  readonly article: ArticleId;
}

/** A mention placed in an article, for "mentions in context". */
export interface LinkedMention extends Cited {
  readonly text: string;
}

/** A person's position in an organization, across the archive. */
export interface Role {
  readonly person: PersonId;
  readonly title: string;
  readonly organization: OrganizationId | null;
  /** Name of the organization when it has no page of its own. */
  readonly organizationName: string | null;
  /** Where the role is stated; empty for a role known only from curation. */
  readonly evidence: readonly Cited[];
}

/** Something demanded, placed in the archive. */
export interface Demand {
  /** `<article id>-d<N>`: stable within the archive. */
  readonly id: string;
  readonly article: ArticleId;
  readonly label: string;
  readonly text: string;
  /** The people and organizations making the demand. */
  readonly by: readonly EntityId[];
  readonly evidence: Cited;
}

/** Demands that share their key terms, across articles and organizations. */
export interface DemandTheme {
  /** `theme-N`, by size: the anchor on the demands page. */
  readonly id: string;
  /** The shared key terms (`prison · sentence`), or the demand's own label when it stands alone. */
  readonly label: string;
  /** Stemmed key terms the demands share; empty for a demand alone. */
  readonly terms: readonly string[];
  readonly demands: readonly string[];
}

/** A quotation, placed in the archive. */
export interface Quote {
  readonly article: ArticleId;
  readonly text: string;
  readonly speaker: PersonId | null;
  readonly evidence: Cited;
}

/** A dated happening, placed in the archive. */
export interface TimelineEvent {
  readonly article: ArticleId;
  readonly date: PartialDate;
  readonly expression: string;
  readonly evidence: Cited;
}

/** Another entity that shares articles with this one. */
export interface Related {
  readonly id: EntityId;
  readonly kind: EntityKind;
  /** Number of articles both appear in. */
  readonly articles: number;
}

/** What every entity page has. */
interface EntityBase<I extends EntityId, K extends EntityKind> {
  readonly id: I;
  readonly kind: K;
  /** Page path relative to the site root, e.g. `people/jane-roe/`. */
  readonly url: string;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly description: string | null;
  /** Wikidata id from curation. */
  readonly wikidata: string | null;
  /** Articles that mention it, newest first. */
  readonly articles: readonly ArticleId[];
  readonly mentions: readonly LinkedMention[];
  readonly related: readonly Related[];
}

export interface Person extends EntityBase<PersonId, 'person'> {
  readonly roles: readonly Role[];
  readonly quotes: readonly Quote[];
}

export interface Organization extends EntityBase<OrganizationId, 'organization'> {
  /** People with a role in it. */
  readonly members: readonly Role[];
  /** Demands it made or that its members made. */
  readonly demands: readonly string[];
  /** The organization it is a branch of. */
  readonly partOf: OrganizationId | null;
  readonly branches: readonly OrganizationId[];
}

export type Place = EntityBase<PlaceId, 'place'>;

export type Entity = Person | Organization | Place;

/** A span of a block's text that links to the page of what it mentions. */
export interface LinkSpan {
  /** Offsets in the block's text. */
  readonly start: number;
  readonly end: number;
  /** The page, relative to the article's page. */
  readonly href: string;
  /** The name of what it links to. */
  readonly title: string;
}

/**
 * A body block with its links (mentions). Its HTML is rendered from the two when a page shows it
 * (`renderBlockHtml` in `src/link/html.ts`, the `blockHtml` filter): most builds render few articles.
 */
export interface LinkedBlock extends Block {
  readonly links: readonly LinkSpan[];
}

/** An article, cross-linked. */
export interface Article {
  readonly id: ArticleId;
  readonly url: string;
  readonly file: string;
  readonly originalFile: string;
  readonly headline: string;
  readonly date: PartialDate | null;
  readonly summary: string;
  /** Who wrote it, as the front matter or the byline says. */
  readonly author: string | null;
  readonly source: string | null;
  readonly sourceUrl: string | null;
  readonly language: string;
  readonly translatedFrom: string | null;
  readonly blocks: readonly LinkedBlock[];
  readonly people: readonly PersonId[];
  readonly organizations: readonly OrganizationId[];
  readonly places: readonly PlaceId[];
  readonly roles: readonly Role[];
  readonly demands: readonly string[];
  readonly quotes: readonly Quote[];
  readonly events: readonly TimelineEvent[];
}

/** The whole archive: what the templates render. */
export interface Archive {
  /** Newest first. */
  readonly articles: readonly Article[];
  /** A–Z. */
  readonly people: readonly Person[];
  readonly organizations: readonly Organization[];
  readonly places: readonly Place[];
  readonly demands: readonly Demand[];
  /** Demands grouped by shared key terms, largest group first. */
  readonly themes: readonly DemandTheme[];
  readonly events: readonly TimelineEvent[];
  readonly problems: readonly Problem[];
}
