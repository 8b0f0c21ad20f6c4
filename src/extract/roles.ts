import type { Block, FoundEntity, FoundRole } from '../model.ts';
import { lastWordsStart, sentenceAt, splitSentences, type Sentence } from '../text/sentences.ts';
import { mentionsByBlock, ORG_NOUN, type PlacedMention } from './mentions.ts';
import { ADDRESS } from './names.ts';

/** Nouns that name a position someone holds. General English, no names. */
export const TITLE_NOUNS =
  'secretary|secretary-general|minister|president|vice-president|leader|spokesman|spokeswoman|spokesperson|director|director-general|chairman|chairwoman|chair|head|chief|boss|mayor|deputy|senator|governor|commissioner|prefect|manager|delegate|representative|founder|co-founder|member|militant|activist|officer|official|journalist|editor|reporter|correspondent|professor|researcher|lecturer|lawyer|attorney|judge|prosecutor|ambassador|general|commander|coordinator|treasurer|adviser|advisor|counsellor|councillor|candidate|mp|ceo|executive|sociologist|historian|economist|specialist|analyst|expert';
const TITLE_END = new RegExp(`\\b(?:${TITLE_NOUNS})s?$`, 'iu');
const WORD = "[\\p{L}\\p{N}][\\p{L}\\p{N}'’.-]*";
/** A title noun and the title nouns right after it: `general secretary`, `deputy general secretary`. */
const TITLE = `(?:${TITLE_NOUNS})(?:\\s+(?:${TITLE_NOUNS}))*`;
/** What a title may say it is of, in lower-case words (never an organization's name): `head of health`. */
const TITLE_FIELD = "(?:\\s+(?:of|for)\\s+(?:\\p{Ll}[\\p{L}-]*\\s+){0,2}?\\p{Ll}[\\p{L}-]*)?";
/** An owner before a title: `its`, `their`, `the union's`, `the employers'`. */
const OWNER = "(?:\\b(its|their)|(\\S+)(?:['’]s|(?<=s)['’]))";
// The patterns the readers below use, compiled once.
const LISTED_AND = new RegExp(`^,?\\s+(?:and|&)\\s+${ADDRESS}$`, 'iu');
const POSSESSIVE_AFTER = new RegExp(`^(?:the\\s+)?${OWNER}\\s+((?:${WORD}\\s+){0,3}?${TITLE}${TITLE_FIELD})\\b`, 'diu');
const INLINE_TITLE = new RegExp(`^\\s+((?:${WORD}\\s+){0,2}?${TITLE})\\b`, 'iu');
const OF_THE_NOUN = new RegExp(`^(?:an?\\s+|the\\s+)?((?:${WORD}\\s+){0,3}?${TITLE})\\s+of\\s+(?:the|its|their)\\s+(same\\s+)?(?:${ORG_NOUN})$`, 'iu');
const PLAIN_TITLE = new RegExp(`^(?:an?\\s+|the\\s+)?((?:${WORD}\\s+){0,3}?${TITLE})\\b`, 'iu');
const POSSESSIVE_BEFORE = new RegExp(`${OWNER}\\s+((?:${WORD}\\s+){0,3}?\\b${TITLE}${TITLE_FIELD}),?\\s+${ADDRESS}$`, 'diu');
const APPOSED_BEFORE = new RegExp(`\\bthe\\s+((?:(?!(?:of|in|at|on|for|to|and)\\s)${WORD}\\s+){0,3}?\\b${TITLE}${TITLE_FIELD})(?:\\s+(?:of|in)\\s+(?:the\\s+)?\\p{Lu}[\\p{L}'’-]*)?,\\s+${ADDRESS}$`, 'iu');
const TITLE_OF_BEFORE = new RegExp(`\\bthe\\s+((?:${WORD}\\s+){0,2}?\\b${TITLE}${TITLE_FIELD})\\s+(?:of|at|for)\\s+(?:the\\s+)?$`, 'iu');
const TITLED_BEFORE = new RegExp(`((?:${WORD}\\s+){0,3}?\\b(?:${TITLE_NOUNS}))\\s+$`, 'iu');

/**
 * Read who holds which position where, from appositions and titles around a person's name.
 *
 * - `Jane Roe, general secretary of the Harbour Workers' Union`
 * - `Jane Roe, its spokesperson` (its: the organization the sentence or article is about)
 * - `its new general secretary, Jane Roe`; `the union's spokesman, Luc Petit`
 * - `Labour party leader Ann Smith`; `Transport Minister Paul Martin`
 */
export function extractRoles(blocks: readonly Block[], entities: readonly FoundEntity[], mainOrg: string | null): FoundRole[] {
  const byBlock = mentionsByBlock(entities);
  const roles: FoundRole[] = [];
  // `the same union`: the organization named last before a point, in this block or the ones before.
  const orgsInOrder = blocks.flatMap((b) => (byBlock.get(b.n) ?? []).filter((m) => m.kind === 'organization'));
  const lastOrgBefore = (blockN: number, at: number): string | null => {
    for (let i = orgsInOrder.length - 1; i >= 0; i--) {
      const o = orgsInOrder[i]!;
      if (o.block < blockN || (o.block === blockN && o.end <= at)) return o.name;
    }
    return null;
  };
  for (const block of blocks) {
    const mentions = byBlock.get(block.n) ?? [];
    const sentences = splitSentences(block.text);
    // The organizations of each sentence, found once per block rather than once per person.
    const orgsOf = new Map<Sentence, PlacedMention[]>();
    const indexOf = new Map(sentences.map((s, i) => [s, i]));
    for (const m of mentions) {
      if (m.kind !== 'organization') continue;
      const sentence = sentenceAt(sentences, m.start);
      if (!sentence || m.start < sentence.start || m.end > sentence.end) continue;
      const list = orgsOf.get(sentence);
      if (list) list.push(m);
      else orgsOf.set(sentence, [m]);
    }
    for (const person of mentions.filter((m) => m.kind === 'person')) {
      const sentence = sentenceAt(sentences, person.start);
      if (!sentence) continue;
      const orgsIn = orgsOf.get(sentence) ?? [];
      // `its`: the organization named last before it in the sentence; else the subject of the sentence
      // before, when that opens with an organization (`Unison backed the call. Its head, …`); else the article's.
      const previous = sentences[(indexOf.get(sentence) ?? 0) - 1];
      const subject = previous && orgsOf.get(previous)?.find((o) => /^(?:[Tt]he\s+)?(?:\p{Ll}[\p{L}-]*\s+){0,3}$/u.test(block.text.slice(previous.start, o.start)));
      const its = (before: number): string | null => [...orgsIn].reverse().find((o) => o.end <= before)?.name ?? subject?.name ?? mainOrg;
      const owner = ownerOf(orgsIn, its);
      const same = (at: number): string | null => lastOrgBefore(block.n, at);
      const found = after(block.text, person, orgsIn, owner, its, same) ?? ledBy(block.text, person, orgsIn) ?? listedBefore(block.text, person, mentions, orgsIn, owner, its, same) ?? before(block.text, person, orgsIn, owner, sentence.start);
      if (found && found.title) {
        roles.push({ person: person.name, title: found.title, organization: found.organization, evidence: { block: block.n, sentence: sentence.text, start: person.start, end: person.end } });
      }
    }
  }
  return dedupe(roles);
}

type Found = { title: string; organization: string | null } | null;

/** The organization a match of `OWNER` (made with the `d` flag) names, the match being read at `offset` of the text. */
type Owner = (possessive: RegExpExecArray, offset: number) => string | null;

/**
 * The organization a possessive before a title names: `its`/`their` the one the sentence (or the
 * article) is about; `the ORG's` that organization; `the union's` the one the sentence is about.
 */
function ownerOf(orgs: readonly PlacedMention[], its: (at: number) => string | null): Owner {
  return (possessive, offset) => {
    const ownerEnd = offset + (possessive.indices?.[1] ?? possessive.indices?.[2] ?? [0, 0])[1];
    if (possessive[1]) return its(ownerEnd);
    return orgs.find((o) => o.end === ownerEnd)?.name ?? (/^(?:union|party|organi[sz]ation|federation)$/iu.test(possessive[2] ?? '') ? its(ownerEnd) : null);
  };
}

/**
 * `Jane Roe and Dr John Doe, co-chairs of the union`: a person listed before another, whose
 * apposition gives the two of them a title in the plural; each holds it, in the singular.
 */
function listedBefore(text: string, person: PlacedMention, mentions: readonly PlacedMention[], orgs: readonly PlacedMention[], owner: Owner, its: (at: number) => string | null, same: (at: number) => string | null): Found {
  const next = mentions.find((m) => m.start > person.end && m.kind === 'person');
  if (!next || !LISTED_AND.test(text.slice(person.end, next.start))) return null;
  const found = after(text, next, orgs, owner, its, same);
  const apposition = /^,[^,.;:]*/u.exec(text.slice(next.end))?.[0] ?? '';
  return found && PLURAL_TITLE.test(apposition) ? found : null;
}

const PLURAL_TITLE = new RegExp(`\\b(?:${TITLE_NOUNS})s\\b`, 'iu');
const FIRST_TITLE = new RegExp(`\\b(?:${TITLE_NOUNS})s?\\b`, 'iu');
/** `co-chairs` → `co-chair`: what each of several people is (its first title noun; not `board of directors`). */
const singular = (title: string): string => title.replace(FIRST_TITLE, (m) => (PLURAL_TITLE.test(m) ? m.slice(0, -1) : m));

/** `NAME, TITLE of ORG`, `NAME, its TITLE`, `NAME, the union's TITLE` and `NAME, TITLE of the union`. */
function after(text: string, person: PlacedMention, orgs: readonly PlacedMention[], owner: Owner, its: (at: number) => string | null, same: (at: number) => string | null): Found {
  const rest = text.slice(person.end);
  const app = /^,\s+/u.exec(rest);
  if (!app) return null;
  const from = person.end + app[0].length;
  const clauseEnd = from + (/[,.;:!?“”"()]|\s[–—]\s/u.exec(text.slice(from))?.index ?? text.length - from);
  const clause = text.slice(from, clauseEnd);
  const poss = POSSESSIVE_AFTER.exec(clause);
  if (poss) return { title: tidy(poss[3]!), organization: owner(poss, from) };
  // An organization named inside the apposition: `general secretary of the Union of X`, `former NATO official`.
  const org = orgs.find((o) => o.start >= from && o.start < clauseEnd);
  if (org) {
    const head = text.slice(from, org.start);
    const viaPrep = /^(?:an?\s+|the\s+)?((?:[^,]*?))\s+(?:of|at|from|for|in|with)\s+(?:the\s+)?$/iu.exec(head);
    if (viaPrep && isTitle(viaPrep[1]!)) return { title: tidy(viaPrep[1]!), organization: org.name };
    // `Jane Roe, who led the Harbour Union for fifteen years`: the verb says the title.
    const verb = /^who\s+(?:has\s+|had\s+)?(?:long\s+)?(led|leads|headed|heads|ran|runs|chaired|chairs|founded|directed|directs)\s+(?:the\s+)?$/iu.exec(head);
    if (verb) return { title: TITLE_OF_VERB[verb[1]!.toLowerCase()]!, organization: org.name };
    const tail = text.slice(org.end, clauseEnd);
    const inline = INLINE_TITLE.exec(tail);
    if (inline && /^(?:an?\s+|the\s+)?(?:former\s+|ex-)?$/iu.test(head)) return { title: tidy(`${head}${inline[1]}`), organization: org.name };
  }
  // `president of the union`: of the organization the sentence or article is about.
  const ofThe = OF_THE_NOUN.exec(clause);
  if (ofThe) return { title: tidy(ofThe[1]!), organization: ofThe[2] ? same(from) : its(from) };
  const plain = PLAIN_TITLE.exec(clause);
  if (plain && !/\s(?:of|at|from)\s*$/iu.test(clause.slice(0, plain[0].length + 4))) return { title: tidy(plain[1]!), organization: null };
  return null;
}

/** `its TITLE, NAME`, `the ORG's TITLE, NAME`, `ORG TITLE NAME`, `Title NAME`. */
function before(text: string, person: PlacedMention, orgs: readonly PlacedMention[], owner: Owner, sentenceStart: number): Found {
  // Only the last few words before the name can hold its title: read those, not the whole
  // sentence, so that a sentence naming many people is not read again for each of them.
  const headStart = lastWordsStart(text, sentenceStart, person.start, TITLE_WORDS_BEFORE);
  const head = text.slice(headStart, person.start);
  const possessive = POSSESSIVE_BEFORE.exec(head);
  if (possessive) return { title: tidy(possessive[3]!), organization: owner(possessive, headStart) };
  // `The health secretary, Victoria Atkins`: a title held in no organization the text names.
  // The name closes the apposition (`, said` or the sentence's end): not `about the cement industry in general, Jane Roe said`.
  const apposed = /^(?:[,.]|$)/u.test(text.slice(person.end)) ? APPOSED_BEFORE.exec(head) : null;
  if (apposed) return { title: tidy(apposed[1]!), organization: null };
  // `the Minister of Transport, Jane Roe`: a title of an organization, in apposition before the name.
  const orgBefore = [...orgs].reverse().find((o) => o.end <= person.start && o.start >= headStart);
  if (orgBefore && new RegExp(`^,\\s+${ADDRESS}$`, 'u').test(text.slice(orgBefore.end, person.start))) {
    const ofOrg = TITLE_OF_BEFORE.exec(text.slice(headStart, orgBefore.start));
    if (ofOrg) return { title: tidy(ofOrg[1]!), organization: orgBefore.name };
  }
  const titled = TITLED_BEFORE.exec(head);
  if (titled) {
    const startAt = headStart + titled.index;
    const org = orgs.find((o) => o.start >= startAt && o.end <= person.start) ?? orgs.find((o) => o.end <= startAt && /^\s+$/u.test(text.slice(o.end, startAt)));
    let title = titled[1]!;
    if (org && org.start >= startAt) title = text.slice(org.end, person.start);
    title = title.replace(/^.*\b(?:by|to|with|from|and|of|that|for|as|on|in|at|like|while|when|whereas|but|after|before|since|said|says|than)\s+/iu, '');
    // A capitalized title is only its capitalized words: `accusing Education Minister` → `Education Minister`.
    if (/\p{Lu}\S*\s*$/u.test(title)) title = title.replace(/^(?:\p{Ll}\S*\s+)+(?=\p{Lu})/u, '');
    if (!TITLE_END.test(title.trim())) return null;
    return { title: tidy(title), organization: org?.name ?? null };
  }
  return null;
}

/** `François Hommeril has led the CFE-CGC since 2016`: the verb after the name says the title. */
function ledBy(text: string, person: PlacedMention, orgs: readonly PlacedMention[]): Found {
  const verb = LED_AFTER.exec(text.slice(person.end, person.end + 40));
  const org = verb && orgs.find((o) => o.start === person.end + verb[0].length);
  return verb && org ? { title: TITLE_OF_VERB[verb[1]!.toLowerCase()]!, organization: org.name } : null;
}
const LED_AFTER = /^\s+(?:has\s+|had\s+)?(?:long\s+)?(led|leads|headed|heads|ran|runs|chaired|chairs|founded|directed|directs)\s+(?:the\s+)?/iu;

/** What leading an organization makes one: `who led the union` → leader. */
const TITLE_OF_VERB: Readonly<Record<string, string>> = { led: 'leader', leads: 'leader', headed: 'head', heads: 'head', ran: 'head', runs: 'head', chaired: 'chair', chairs: 'chair', founded: 'founder', directed: 'director', directs: 'director' };

/** The most words the patterns before a name match: an owner, three words, a title noun and two forms of address. */
const TITLE_WORDS_BEFORE = 8;

/** A title is short and has a title noun among its first words: `general secretary`, `professor of criminal law`. */
function isTitle(text: string): boolean {
  const words = text.trim().split(/\s+/u);
  if (words.length > 6) return false;
  const head = text.replace(/\s+(?:of|for|in|at)\s+.*$/iu, '');
  return TITLE_END.test(head) && head.split(/\s+/u).length <= 4;
}

function tidy(title: string): string {
  return singular(title).replace(/^(?:until then|then|now|currently|formerly|previously)\s+/iu, '').replace(/^(?:an?|the)\s+/iu, '').replace(/\s+/gu, ' ').trim();
}

function dedupe(roles: readonly FoundRole[]): FoundRole[] {
  const seen = new Set<string>();
  return roles.filter((r) => {
    const k = `${r.person}|${r.title.toLowerCase()}|${r.organization ?? ''}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
