import type { Block, FoundDemand, FoundEntity, FoundQuote, FoundRole } from '../model.ts';
import { splitSentences, type Sentence } from '../text/sentences.ts';
import { calledBy, mentionsByBlock, ORG_NOUN, type PlacedMention } from './mentions.ts';
import { SPEECH_VERBS } from './quotes.ts';

/** A verb of demanding, with what may follow it. Nouns (`the demands of`) do not match. */
const DEMAND_VERB = new RegExp(
  [
    String.raw`\b(?:demand(?:s|ed|ing)?)\s+(?:(?:that|for|the|an?|to|more|all)\b|["“«])`,
    String.raw`\bcall(?:s|ed|ing)?\s+(?:(?:on|this|last|next)\s+\p{Lu}\p{Ll}+\s+|again\s+|publicly\s+|repeatedly\s+|also\s+)?for\b`,
    String.raw`\bcall(?:s|ed|ing)?\s+on\s+(?:\S+\s+){1,4}?to\b`,
    String.raw`\bask(?:s|ed|ing)?\s+(?:for|that)\b`,
    String.raw`\bask(?:s|ed|ing)?\s+(?:the|all)\s+(?:\S+\s+){0,4}?to\b`,
    String.raw`\burg(?:e|es|ed|ing)\s+(?:\S+\s+){0,4}?to\b`,
    String.raw`\bpush(?:es|ed|ing)?\s+for\b`,
    String.raw`\bwants?\s+(?:(?:more|a|an|the|to|all)\b|["“«])`,
    String.raw`\bwanted\s+(?:more|a|an|the|all)\b`,
    String.raw`\bpromis(?:e|es|ed|ing)\s+to\s+study\b`,
    String.raw`\bclaim(?:s|ed|ing)?\s+(?:for|the\s+right)\b`,
    String.raw`\bwhat\s+(?:we|they|the\s+\S+)\s+(?:have\s+been\s+|has\s+been\s+|are\s+|were\s+)?(?:demand(?:ing|ed)?|asking\s+for|calling\s+for)\b`,
  ].join('|'),
  'iu',
);

/**
 * The stems every match of `DEMAND_VERB` contains, with the same flags: a sentence without any
 * cannot match, and this test is several times faster than the full expression.
 */
const DEMAND_STEM = /demand|call|ask|urg|push|want|promis|claim|what/iu;

/** Uses of those verbs that make no demand: a plan, a hypothesis, a private favour. */
const NOT_A_DEMAND = /\b(?:going\s+to|will|would|could|might|may)\s+(?:\S+\s+)?$|\b(?:didn't|did\s+not|does\s+not|doesn't|never|not)\s+$|\b(?:accus\w*|suspect\w*|denounc\w*|criticiz\w*|criticis\w*)\s+(?:\S+\s+){0,3}?of\s+["“]?$/iu;
const PRIVATE_ASK = /\bask(?:s|ed|ing)?\s+(?:him|her|me|us|them|you|it)\b/iu;
/** A demand someone was heard or seen making, inside a story: `hearing him ask that …`. */
const WITNESSED = /\b(?:him|her|me|them)\s+$/iu;

/** An introduction to a list of demands: `… demand that the ministry accede to their first demands:`, `The union demanded:`, `is demanding:` */
const LIST_INTRO = /\b(?:demand(?:s|ed|ing)?|claim(?:s|ed|ing)|call(?:s|ed|ing)? for|ask(?:s|ed|ing)?(?: for)?|request(?:s|ed|ing)?|want(?:s|ed|ing)?|grievances)\b[^:]*:\s*$/iu;

/**
 * Find demands: each item of a list introduced as demands, and each sentence in which
 * someone demands, calls for, asks for, urges, pushes for, wants or promises to study something.
 *
 * Who made a demand: the person or organization the sentence names as subject, the speaker of
 * the quote it stands in (and the speaker's organization), else the organization the article
 * is about, provided it speaks in the article (has a spokesperson or a quote).
 */
export function extractDemands(
  blocks: readonly Block[],
  entities: readonly FoundEntity[],
  roles: readonly FoundRole[],
  quotes: readonly FoundQuote[],
  mainOrg: string | null,
): FoundDemand[] {
  const byBlock = mentionsByBlock(entities);
  const speakingOrgs = new Set(roles.map((r) => r.organization).filter((o): o is string => o !== null));
  // The organization a paragraph is about: one that speaks in the article (through a spokesperson)
  // and is named in this paragraph or the one before (headings aside); the article's main organization first.
  const fallbackFor = (index: number): string | null => {
    const previous = blocks.slice(0, index).reverse().find((b) => b.kind !== 'heading');
    const near = new Set([blocks[index], previous].flatMap((b) => (b ? byBlock.get(b.n) ?? [] : [])).filter((m) => m.kind === 'organization').map((m) => m.name));
    if (mainOrg && speakingOrgs.has(mainOrg) && near.has(mainOrg)) return mainOrg;
    return [...speakingOrgs].find((o) => near.has(o)) ?? null;
  };
  const orgOf = (person: string): string[] => roles.filter((r) => r.person === person && r.organization).map((r) => r.organization!);
  // `The union is demanding`: the one organization the article calls so.
  const called = new Map<string, string | null>();
  const namedAs = (noun: string): string | null => {
    const key = noun.toLowerCase();
    if (!called.has(key)) {
      const orgs = calledBy(key, entities, roles);
      called.set(key, orgs.length === 1 ? orgs[0]! : null);
    }
    return called.get(key)!;
  };
  const demands: FoundDemand[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (block.kind === 'item' || block.kind === 'heading') continue;
    const sentences = splitSentences(block.text);
    const mentions = byBlock.get(block.n) ?? [];
    if (LIST_INTRO.test(block.text)) {
      const intro = sentences.at(-1)!;
      // The makers are named before the verb: `The Harbour Union demanded:`.
      const verbAt = intro.start + (LIST_INTRO.exec(intro.text)?.index ?? 0);
      const by = makers(block, intro, mentions, quotes, orgOf, namedAs, fallbackFor(i), verbAt);
      for (let j = i + 1; j < blocks.length && blocks[j]!.kind === 'item'; j++) {
        const item = blocks[j]!;
        const text = item.text.replace(/^\s*(?:[-–•*]|\d{1,2}[.)])\s+/u, '');
        const offset = item.text.length - text.length;
        const first = splitSentences(text)[0]?.text ?? text;
        demands.push({ label: upperFirst(first.replace(/[.:;]$/u, '')), text, by, evidence: { block: item.n, sentence: first, start: offset, end: item.text.length } });
      }
    }
    for (const sentence of sentences) {
      const m = DEMAND_STEM.test(sentence.text) ? DEMAND_VERB.exec(sentence.text) : null;
      if (!m || LIST_INTRO.test(sentence.text)) continue;
      const before = sentence.text.slice(0, m.index);
      if (NOT_A_DEMAND.test(before) || WITNESSED.test(before) || PRIVATE_ASK.test(sentence.text.slice(m.index))) continue;
      const at = sentence.start + m.index;
      const label = labelOf(sentence.text, m.index, m[0]);
      if (!label) continue;
      demands.push({ label, text: sentence.text, by: makers(block, sentence, mentions, quotes, orgOf, namedAs, fallbackFor(i), at), evidence: { block: block.n, sentence: sentence.text, start: sentence.start, end: sentence.end } });
    }
  }
  return demands;
}

/** The demanded thing, short: what follows the verb to the end of the clause, or what precedes `: this is what we demand`. */
function labelOf(sentence: string, at: number, verb: string): string {
  if (/^what\b/iu.test(verb)) {
    const head = sentence.slice(0, at).replace(/[:\s,–—-]*(?:this|that|it)\s+is\s*$/iu, '');
    // The demanded thing starts after the last opening quote or colon: `…, its secretary: “Self-defence`.
    const start = Math.max(head.lastIndexOf('“'), head.lastIndexOf('"'), head.lastIndexOf(': ') + 1);
    return shorten(head.slice(start + 1).replace(/^[\s“"]+/u, ''));
  }
  const rest = sentence.slice(at + verb.length).replace(/^\s+/u, '');
  const words = verb.trim().split(/\s+/u);
  const lead = /^(?:that|for|to|study|on)$/iu.test(words.at(-1) ?? '') ? '' : words.slice(1).join(' ');
  // `demanding “minimum sentences”`: the quote mark opens the label.
  const text = (/^["“«]$/u.test(lead) ? `${lead}${rest}` : `${lead} ${rest}`).trim().replace(/^(?:for|that|to study|to)\s+/iu, '');
  return shorten(text.replace(/[.!?”"]+$/u, ''));
}

/** A comment or an attribution after the demanded thing: `, a demand it has made`, `, which …`, `, said Jane Roe`. */
const COMMENT_AFTER = new RegExp(`,\\s+(?:which|a (?:demand|call|claim|request)|(?:${SPEECH_VERBS})\\s)\\b.*$`, 'su');

function shorten(text: string): string {
  // A demand quoted and then attributed ends at the closing quote: `A fair deal,” he added`; not at the
  // end of a quote inside it: `“minimum sentences” for anyone who attacks`.
  const quoted = /^(.*?)[,.]?["”](?:\s|$)/u.exec(text);
  const opens = quoted ? (quoted[1]!.match(/["“]/gu) ?? []).length : 0;
  // A comment on the demand after it is not the demand: `…, a demand it has made since 2021`, `…, which …`.
  const demand = (quoted && opens % 2 === 0 ? quoted[1]! : text).replace(COMMENT_AFTER, '');
  const words = demand.trim().split(/\s+/u).filter(Boolean);
  return upperFirst(words.length > 16 ? `${words.slice(0, 14).join(' ')}…` : words.join(' '));
}

/** A label starts with a capital, as a list item's may not: `a ban on imports` → `A ban on imports`. */
function upperFirst(text: string): string {
  return text.replace(/^([\s"“«]*)(\p{L})/u, (_, quote: string, letter: string) => quote + letter.toUpperCase());
}

/** What joins two names of one subject: `, `, ` and `, ` police union and the `. */
const COORDINATED = /^(?:\s*,\s*|\s+(?:\p{Ll}[\p{L}-]*\s+){0,2}(?:and|&)\s+)(?:the\s+)?$/u;

/** A subject that is a common noun for an organization: `The union is `, `the party has `. */
const GENERIC_SUBJECT = new RegExp(`^(?:the|our|their)\\s+(${ORG_NOUN})\\s+(?:(?:is|are|was|were|has|have|had|also|now|still|been)\\s+)*$`, 'iu');

function makers(
  block: Block,
  sentence: Sentence,
  mentions: readonly PlacedMention[],
  quotes: readonly FoundQuote[],
  orgOf: (person: string) => string[],
  namedAs: (noun: string) => string | null,
  fallbackOrg: string | null,
  at: number,
): string[] {
  // Inside a quote: the speaker, and the speaker's organization.
  const quote = quotes.find((q) => q.evidence.block === block.n && q.evidence.start <= at && at <= q.evidence.end);
  if (quote?.speaker) return [quote.speaker, ...orgOf(quote.speaker)];
  // A named subject before the verb, in the same sentence.
  const subject = [...mentions].reverse().find((m) => m.start >= sentence.start && m.end <= at && (m.kind === 'person' || m.kind === 'organization'));
  if (subject && !/\b(?:of|to|with|by|against|for|from)\s+(?:the\s+)?$/iu.test(block.text.slice(sentence.start, subject.start))) {
    // `The Harbour police union and the Dockers Federation called for`: every organization of the subject.
    const subjects = [subject];
    for (let i = mentions.indexOf(subject) - 1; i >= 0; i--) {
      const m = mentions[i]!;
      if (m.start < sentence.start || m.kind !== subject.kind || !COORDINATED.test(block.text.slice(m.end, subjects[0]!.start))) break;
      subjects.unshift(m);
    }
    const names = [...new Set(subjects.map((s) => s.name))];
    return subject.kind === 'person' ? [...new Set([...names, ...names.flatMap(orgOf)])] : names;
  }
  // `The union is demanding`: the organization the article calls the union.
  const noun = GENERIC_SUBJECT.exec(block.text.slice(sentence.start, at));
  const named = noun ? namedAs(noun[1]!) : null;
  if (named) return [named];
  // "Unions have called for …": several organizations, none of them named.
  if (/\bunions\b/iu.test(block.text.slice(sentence.start, at))) return [];
  return fallbackOrg ? [fallbackOrg] : [];
}
