/** Tag schemes (IOB1, IOB2, BILOU) and conversions between tags and token spans. */
import type { EntityType } from '../model.ts';

export const TYPES: readonly EntityType[] = ['PER', 'ORG', 'LOC', 'MISC'];

/** A span of tokens `[start, end)` with its type. */
export interface TokenSpan {
  start: number;
  end: number;
  type: EntityType;
}

export type Scheme = 'BIO' | 'BILOU';

/** The tag set of a scheme, `O` first. */
export function tagSet(scheme: Scheme): string[] {
  const prefixes = scheme === 'BIO' ? ['B', 'I'] : ['B', 'I', 'L', 'U'];
  const out = ['O'];
  for (const t of TYPES) for (const p of prefixes) out.push(`${p}-${t}`);
  return out;
}

const typeOf = (tag: string): string => (tag.length > 2 ? tag.slice(2) : '');

/**
 * Read spans from tags in any of IOB1, IOB2 or BILOU, with the conlleval rules: a span starts
 * at `B-`/`U-`, or at `I-`/`L-` whose type differs from the tag before; it ends before `O`,
 * before a `B-`/`U-`, before a change of type, and after `L-`/`U-`.
 */
export function tagsToSpans(tags: readonly string[]): TokenSpan[] {
  const out: TokenSpan[] = [];
  let cur: TokenSpan | null = null;
  let prev = 'O';
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i] ?? 'O';
    const p = tag[0];
    const type = typeOf(tag);
    const starts = p === 'B' || p === 'U' || ((p === 'I' || p === 'L') && (prev === 'O' || typeOf(prev) !== type || prev[0] === 'L' || prev[0] === 'U'));
    if (cur && (tag === 'O' || starts)) {
      cur.end = i;
      out.push(cur);
      cur = null;
    }
    if (tag !== 'O' && starts && (TYPES as readonly string[]).includes(type)) cur = { start: i, end: i + 1, type: type as EntityType };
    prev = cur ? tag : 'O';
  }
  if (cur) {
    cur.end = tags.length;
    out.push(cur);
  }
  return out;
}

/** Write spans as tags of a scheme. */
export function spansToTags(spans: readonly TokenSpan[], n: number, scheme: Scheme): string[] {
  const tags = new Array<string>(n).fill('O');
  for (const s of spans) {
    for (let i = s.start; i < s.end; i++) {
      let p = i === s.start ? 'B' : 'I';
      if (scheme === 'BILOU') {
        if (s.end - s.start === 1) p = 'U';
        else if (i === s.end - 1) p = 'L';
      }
      tags[i] = `${p}-${s.type}`;
    }
  }
  return tags;
}

/** Normalise tags of any scheme to IOB2. */
export function toIob2(tags: readonly string[]): string[] {
  return spansToTags(tagsToSpans(tags), tags.length, 'BIO');
}

/** Allowed transitions of a scheme: `out[prev * n + tag]` is 1 when `tag` may follow `prev`. */
export function transitions(scheme: Scheme): Uint8Array {
  const tags = tagSet(scheme);
  const n = tags.length;
  const out = new Uint8Array(n * n);
  tags.forEach((prev, a) =>
    tags.forEach((tag, b) => {
      const inside = prev[0] === 'B' || prev[0] === 'I'; // inside an open span (BILOU) / any span (BIO)
      const cont = tag[0] === 'I' || tag[0] === 'L';
      let ok: boolean;
      if (scheme === 'BIO') ok = tag[0] !== 'I' || (prev !== 'O' && prev.slice(2) === tag.slice(2));
      else ok = inside ? cont && prev.slice(2) === tag.slice(2) : !cont;
      out[a * n + b] = ok ? 1 : 0;
    }),
  );
  return out;
}
