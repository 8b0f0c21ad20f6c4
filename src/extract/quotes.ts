import type { Block, FoundEntity, FoundQuote } from '../model.ts';
import { lastWordsStart, sentenceAt, splitSentences } from '../text/sentences.ts';
import { mentionsByBlock, type PlacedMention } from './mentions.ts';
import { TITLE_NOUNS } from './roles.ts';
import { ADDRESS } from './names.ts';

/** Verbs that report speech. General English. */
export const SPEECH_VERBS =
  'said|says|say|told|tells|added|adds|explained|explains|recalled|recalls|recognized|recognizes|recognised|recognises|acknowledged|acknowledges|noted|notes|assured|assures|insisted|insists|continued|continues|sighed|sighs|defended|defends|thundered|thunders|ordered|orders|reported|reports|declared|declares|warned|warns|stated|states|replied|replies|argued|argues|claimed|claims|wrote|writes|tweeted|tweets|confided|confides|admitted|admits|assumed|assumes|rewinds|rewound|stressed|stresses|asked|asks|announced|announces|commented|comments|added|observed|observes|conceded|concedes|lamented|laments|regretted|regrets|denounced|denounces|affirmed|affirms|estimated|estimates|judged|judges|protested|protests|explained|retorted|retorts|emphasized|emphasizes|pointed out|points out|accused|accuses';

/** Words before a quotation that make it a title or a slogan, not speech. */
const NOT_SPEECH_BEFORE = /\b(?:headline|title|titled|entitled|slogan|banner|leaflet|label|labelled|labeled|called|dubbed|named|hashtag|motto|sign|read)\s*:?\s*$/iu;

interface Span { start: number; end: number }

/** The quoted passages of a text: `“…”`, `"…"`, and `«…»`; an unclosed quote runs to the end. */
export function quotedSpans(text: string): Span[] {
  const out: Span[] = [];
  const pairs: Record<string, string> = { '“': '”', '«': '»', '"': '"' };
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    const close = pairs[ch];
    if (close === undefined) { i++; continue; }
    let j = text.indexOf(close, i + 1);
    if (ch === '“') {
      // A nested opening quote before the closing one: close at the matching `”`.
      j = -1;
      let depth = 0;
      for (let k = i + 1; k < text.length; k++) {
        if (text[k] === '“') depth++;
        else if (text[k] === '”') {
          if (depth === 0) { j = k; break; }
          depth--;
        }
      }
    }
    const end = j < 0 ? text.length : j;
    out.push({ start: i + 1, end });
    i = end + 1;
  }
  return out;
}

/**
 * Find quotations and who said them.
 *
 * Speakers are read from `“…,” said X`, `“…” X said`, `X said: “…”`, `according to X`,
 * an attribution inside the quote (`“…, reports X. …”`), or, failing those, the one person
 * the paragraph names. Quotes of fewer than four words are scare quotes and are skipped.
 */
export function extractQuotes(blocks: readonly Block[], entities: readonly FoundEntity[]): FoundQuote[] {
  const byBlock = mentionsByBlock(entities);
  const quotes: FoundQuote[] = [];
  for (const block of blocks) {
    const text = block.text;
    const mentions = byBlock.get(block.n) ?? [];
    const people = mentions.filter((m) => m.kind === 'person');
    const sentences = splitSentences(text);
    for (const span of quotedSpans(text)) {
      let body = text.slice(span.start, span.end);
      if (body.trim().split(/\s+/u).length < 4) continue;
      if (NOT_SPEECH_BEFORE.test(text.slice(Math.max(0, span.start - 40), span.start - 1))) continue;
      let speaker: string | null | undefined = inside(text, span, people);
      if (speaker) body = body.slice(0, attributionCut(body));
      if (speaker === undefined) speaker = afterQuote(text, span, people);
      if (speaker === undefined) speaker = beforeQuote(text, span, people, sentences);
      if (speaker === undefined) speaker = saidBefore(text, span, people, sentences);
      // `“…,” said Jane Roe, the secretary general. “We owe him a great deal.”`: the same speaker goes on.
      const previous = quotes.at(-1);
      if (speaker === undefined && previous?.speaker && previous.evidence.block === block.n && !people.some((p) => p.start > previous.evidence.end && p.start < span.start && p.name !== previous.speaker)) {
        speaker = previous.speaker;
      }
      if (speaker === undefined) {
        const names = new Set(people.map((p) => p.name));
        speaker = names.size === 1 ? [...names][0]! : null;
      }
      const sentence = sentenceAt(sentences, span.start);
      quotes.push({
        text: body.replace(/[\s,]+$/u, '').trim(),
        speaker,
        evidence: { block: block.n, sentence: sentence?.text ?? text, start: span.start, end: span.end },
      });
    }
  }
  return quotes;
}

/** The most words `ATTRIBUTION_INSIDE` matches, and one more: the comma's, the verb's two, two more. */
const ATTRIBUTION_WORDS = 6;
const ATTRIBUTION_INSIDE = new RegExp(`,\\s+(?:${SPEECH_VERBS})\\s+(?:\\S+\\s+){0,2}?$`, 'u');

/** `“They impose their narrative, reports Jane Roe, director of X. Each time …”` */
function inside(text: string, span: Span, people: readonly PlacedMention[]): string | undefined {
  for (const p of people) {
    if (p.start <= span.start || p.end > span.end) continue;
    if (ATTRIBUTION_INSIDE.test(text.slice(lastWordsStart(text, span.start, p.start, ATTRIBUTION_WORDS), p.start))) return p.name;
  }
  return undefined;
}

function attributionCut(body: string): number {
  const m = new RegExp(`,\\s+(?:${SPEECH_VERBS})\\s`, 'u').exec(body);
  return m ? m.index : body.length;
}

/** `“…,” said X` · `“…” X said` · `“…,” an officer said` (a speaker who is not named: null). */
function afterQuote(text: string, span: Span, people: readonly PlacedMention[]): string | null | undefined {
  const from = Math.min(text.length, span.end + 1);
  const rest = text.slice(from);
  const verbFirst = new RegExp(`^[\\s,.]*(?:${SPEECH_VERBS})\\s+(?:(?:for example|for instance|also|then|again|on|in|to)\\s+)*${ADDRESS}`, 'iu').exec(rest);
  if (verbFirst) {
    const at = from + verbFirst[0].length;
    const p = people.find((m) => m.start === at || (m.start > at && m.start - at < 4));
    if (p) return p.name;
    // `“…,” said its secretary-general, Jane Roe`, `said Verdi chairman Frank Werneke`: a title, then the name.
    const window = text.slice(at, at + 120);
    const titled = TITLE_THEN_NAME.exec(window) ?? TITLE_BEFORE_NAME.exec(window);
    return (titled && people.find((m) => m.start === at + titled[0].length)?.name) ?? null;
  }
  const nameFirst = /^[\s,.]*/u.exec(rest)!;
  const at = from + nameFirst[0].length;
  const p = people.find((m) => m.start === at);
  if (p && new RegExp(`^\\s+(?:\\p{Ll}+ly\\s+)?(?:${SPEECH_VERBS})\\b`, 'u').test(text.slice(p.end))) return p.name;
  // `“…,” she said`: the last person named before the quote.
  if (new RegExp(`^(?:he|she)\\s+(?:\\p{Ll}+ly\\s+)?(?:${SPEECH_VERBS})\\b`, 'u').test(rest.slice(nameFirst[0].length))) {
    return [...people].reverse().find((m) => m.end <= span.start)?.name ?? null;
  }
  if (new RegExp(`^(?:an?|the|one|another|some|several)\\s+(?:[\\p{L}-]+\\s+){0,3}?(?:${SPEECH_VERBS})\\b`, 'iu').test(rest.slice(nameFirst[0].length))) return null;
  return undefined;
}

/** A title before a speaker's name, after the speech verb: `its secretary-general, `, `the union's spokesman, `. */
const TITLE_THEN_NAME = new RegExp(`^(?:its|their|his|her|the|an?)\\s+(?:[\\p{L}'’-]+\\s+){0,3}?(?:${TITLE_NOUNS})\\b[^,.;:!?“”"]{0,60},\\s+${ADDRESS}`, 'iu');
/** A title right before the speaker's name, with the organization's name in it or not: `Verdi chairman `, `Transport Minister `. */
const TITLE_BEFORE_NAME = new RegExp(`^(?:[\\p{L}'’&.-]+\\s+){0,4}?(?:${TITLE_NOUNS})\\s+${ADDRESS}`, 'iu');

/** A person named before a speech verb earlier in the quote's sentence: `Jane Roe, the union's head, said it would go on “as long as necessary”`. */
const SAID_AFTER_NAME = new RegExp(`^(?:,[^“”"«»]{0,120}?,)?\\s+(?:\\p{Ll}+ly\\s+)?(?:${SPEECH_VERBS})\\b[^“”"«»]*$`, 'u');
function saidBefore(text: string, span: Span, people: readonly PlacedMention[], sentences: ReturnType<typeof splitSentences>): string | undefined {
  const sentence = sentenceAt(sentences, Math.max(0, span.start - 2));
  if (!sentence) return undefined;
  for (let i = people.length - 1; i >= 0; i--) {
    const p = people[i]!;
    if (p.end > span.start || p.start < sentence.start) continue;
    if (span.start - p.end < 300 && SAID_AFTER_NAME.test(text.slice(p.end, span.start - 1))) return p.name;
  }
  return undefined;
}

/** `X said: “…”` · `according to X, “…”` · `by X, its secretary: “…”` */
function beforeQuote(text: string, span: Span, people: readonly PlacedMention[], sentences: ReturnType<typeof splitSentences>): string | null | undefined {
  const open = span.start - 1;
  const sentence = sentenceAt(sentences, Math.max(0, open - 1));
  const from = Math.min(sentence?.start ?? 0, open);
  // The patterns below are anchored where the quote or the name begins and match a few words:
  // each reads those words only, not the whole sentence again for every quote.
  const head = text.slice(lastWordsStart(text, from, open, 3), open);
  if (!/[:,]\s*$/u.test(head)) return undefined;
  const candidates = people.filter((p) => p.start >= from && p.end <= open);
  const last = candidates.at(-1);
  if (!last) return /\b(?:said|says|told|declared|added|wrote|tweeted)\s*:\s*$/u.test(head) ? null : undefined;
  const between = text.slice(last.end, open);
  if (/[“”"]/u.test(between)) return undefined;
  const before = text.slice(lastWordsStart(text, from, last.start, 5), last.start);
  if (new RegExp(`^\\s+(?:${SPEECH_VERBS}|wrote|tweeted)\\b`, 'u').test(between) || /\b(?:according to|by|for)\s+$/iu.test(before) || /:\s*$/u.test(between)) {
    if (/\b(?:of|to|with)\s+(?:\p{L}+\s+){0,2}$/iu.test(before) && !/\b(?:according to|by)\s+$/iu.test(before)) return null;
    return last.name;
  }
  return undefined;
}
