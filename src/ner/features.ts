/**
 * Feature extraction. Every feature is a string template hashed (FNV-1a + murmur mix) into a
 * bucket of a fixed-size weight table; nothing is kept as a string.
 *
 * - static (local) features of a token: word, lower case, shapes, affixes, ±2 window, sentence
 *   position, all-caps sentence, capitalisation inside a sentence, lexicon look-ups
 *   (gazetteer from training, first/last names, lower-case and capitalised counts), keyword cues;
 * - dynamic features: the previous one and two predicted tags, alone and with the word/shape;
 * - document features (see `docfeatures.ts`), computed from a first-pass tagging.
 */
import { fold } from './fold.ts';
import { FNV_OFFSET, hashStr, join, mix, seed } from './hash.ts';
import { Lexicon, MAX_GAZ_LEN } from './lexicon.ts';
import { key52 } from './hash.ts';
import { domainOfScore, sportPoints } from './domain.ts';
import { GIVEN_NAMES, PLACES } from './wordlists.ts';

/** A token prepared for feature extraction. */
export interface Tok {
  /** Folded (ASCII) form. */
  w: string;
  /** Folded lower-case form. */
  lw: string;
  /** Shape with runs cut at 4: `Xxxx`, `dddd-dd-dd`. */
  sh: string;
  /** Collapsed shape: `Xx`, `d-d-d`. */
  ssh: string;
  hW: number;
  hLw: number;
  hSh: number;
  hSsh: number;
  /** Raw hashes of the token's own spelling features (affixes, hyphen parts), computed once per word. */
  own: number[];
  /** Starts with a digit. */
  num: boolean;
  /** First character is an upper-case letter. */
  cap: boolean;
  /** Has a letter and no lower-case letter. */
  upper: boolean;
  hasLetter: boolean;
  /** Key of `lw` in the lexicon tables. */
  key: number;
  /** Which cue-word lists `lw` is on (`CUE_*` bits), looked up once per word. */
  cues: number;
  /** The lexicon the look-ups below were made in; null until the first sentence with the word. */
  lex: Lexicon | null;
  /** `bin` of how often the lexicon saw the word in lower case, and capitalised. */
  lowerBin: number;
  capBin: number;
  /** A first name (lexicon or given-name list), a last name. */
  firstName: boolean;
  lastName: boolean;
  /** The raw token has a lower-case letter; an upper-case letter (see `isAllCapsSentence`). */
  hasLower: boolean;
  hasUpper: boolean;
  /** `sportPoints` of the raw token. */
  sport: number;
}

// Cue-word lists a word is on, as bits of `Tok.cues`.
const CUE_ORG = 1;
const CUE_LOC = 2;
const CUE_CONNECTOR = 4;
const CUE_HEAD_CONNECTOR = 8;
const CUE_PLACE = 16;
const CUE_TITLE = 32;
const CUE_RUN_CONNECTOR = 64;

function cuesOf(lw: string): number {
  return (
    (ORG_KEYWORDS.has(lw) ? CUE_ORG : 0) |
    (LOC_KEYWORDS.has(lw) ? CUE_LOC : 0) |
    (CONNECTORS.has(lw) ? CUE_CONNECTOR : 0) |
    (HEAD_CONNECTORS.has(lw) ? CUE_HEAD_CONNECTOR : 0) |
    (PLACES.has(lw) ? CUE_PLACE : 0) |
    (TITLES.has(lw) ? CUE_TITLE : 0) |
    (RUN_CONNECTORS.has(lw) ? CUE_RUN_CONNECTOR : 0)
  );
}

/** Look `t` up in `lex`, once per word and lexicon. */
function lookUp(t: Tok, lex: Lexicon): void {
  if (t.lex === lex) return;
  t.lex = lex;
  t.lowerBin = bin(lex.lowerCount.get(t.key) ?? 0);
  t.capBin = bin(lex.capCount.get(t.key) ?? 0);
  t.firstName = lex.firstNames.has(t.key) || GIVEN_NAMES.has(t.lw);
  t.lastName = lex.lastNames.has(t.key);
}

/** A sentence prepared for feature extraction. */
export interface Sent {
  toks: Tok[];
  allCaps: boolean;
  /** Index of the sentence in its document. */
  index: number;
  /** Domain of the document: 0 general news, 1 sports (see `domain.ts`). */
  domain: number;
}

export function shapes(w: string): [string, string] {
  let sh = '';
  let ssh = '';
  let last = '';
  let run = 0;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    let k: string;
    if (c >= 65 && c <= 90) k = 'X';
    else if (c >= 97 && c <= 122) k = 'x';
    else if (c >= 48 && c <= 57) k = 'd';
    else k = w[i]!;
    if (k === last) run++;
    else {
      run = 1;
      ssh += k;
    }
    if (run <= 4) sh += k;
    last = k;
  }
  return [sh, ssh];
}

const tokCache = new Map<string, Tok>();

export function prepareToken(raw: string): Tok {
  const hit = tokCache.get(raw);
  if (hit) return hit;
  const w = fold(raw);
  const lw = w.toLowerCase();
  const [sh, ssh] = shapes(w);
  const c0 = w.charCodeAt(0);
  const hasLetter = /[A-Za-z]/u.test(w);
  const tok: Tok = {
    w,
    lw,
    sh,
    ssh,
    hW: hashStr(FNV_OFFSET, w),
    hLw: hashStr(FNV_OFFSET, lw),
    hSh: hashStr(FNV_OFFSET, sh),
    hSsh: hashStr(FNV_OFFSET, ssh),
    own: ownFeatures(lw, hasLetter),
    num: c0 >= 48 && c0 <= 57,
    cap: c0 >= 65 && c0 <= 90,
    upper: hasLetter && !/[a-z]/u.test(w),
    hasLetter,
    key: key52(lw),
    cues: cuesOf(lw),
    lex: null,
    lowerBin: 0,
    capBin: 0,
    firstName: false,
    lastName: false,
    hasLower: /\p{Ll}/u.test(raw),
    hasUpper: /\p{Lu}/u.test(raw),
    sport: sportPoints(raw),
  };
  if (tokCache.size > 200_000) tokCache.clear();
  tokCache.set(raw, tok);
  return tok;
}

export function prepareSentence(tokens: readonly string[], index: number, domain: number): Sent {
  const toks = tokens.map(prepareToken);
  return { toks, allCaps: allCaps(toks), index, domain };
}

/** Prepare the sentences of a document. */
export function prepareDocument(doc: readonly (readonly string[])[]): Sent[] {
  const toks = doc.map((s) => s.map(prepareToken));
  // `docDomain` and `isAllCapsSentence`, from what each token knows of its spelling.
  let n = 0;
  let score = 0;
  for (const s of toks) {
    for (const t of s) {
      n++;
      score += t.sport;
    }
  }
  const domain = domainOfScore(n > 0 ? score / n : 0);
  return toks.map((s, i) => ({ toks: s, allCaps: allCaps(s), index: i, domain }));
}

/** `isAllCapsSentence` of the tokens' raw forms. */
function allCaps(toks: readonly Tok[]): boolean {
  let letters = 0;
  for (const t of toks) {
    if (t.hasLower) return false;
    if (t.hasUpper) letters++;
  }
  return letters > 0;
}

// ------------------------------------------------------------------ hand-made cue words

/** Last words of organisation names (generic, not from the data). */
export const ORG_KEYWORDS = new Set(
  ('union unions party ministry university institute institution center centre police federation association council agency ' +
    'bank group inc ltd corp corporation co company companies plc ag sa nv gmbh bv spa holdings holding international ' +
    'committee commission court tribunal office service services department directorate prefecture gendarmerie ' +
    'confederation syndicate front rally movement alliance league club fc united rangers city board authority organisation ' +
    'organization foundation fund trust society school college academy institutions inspectorate hospital church army navy force forces ' +
    'assembly parliament senate congress government cabinet exchange times post news journal press network ' +
    'airlines airways motors industries systems technologies laboratories labs partners associates securities').split(' '),
);

/** Words that head or end place names. */
export const LOC_KEYWORDS = new Set(
  ('river lake mount mountains island islands sea ocean gulf bay valley province region county state republic ' +
    'street avenue boulevard square road bridge airport port city town village district department coast').split(' '),
);

/** Words before a person's name. */
export const TITLES = new Set(
  ('mr mrs ms miss dr prof sir lady lord president minister premier chancellor secretary general sgt captain ' +
    'commissioner prefect judge mayor senator governor ambassador spokesman spokeswoman chairman director ' +
    'coach striker midfielder defender goalkeeper king queen prince princess pope bishop father rev ' +
    'm. mme mme. monsieur madame officer inspector lieutenant colonel brigadier deputy leader').split(' '),
);

const CONNECTORS = new Set(['of', 'for', 'and', '&', 'the', 'de', 'du', 'des', 'on', 'la', 'le', "d'", 'in']);
/** Words that may stand inside a long name after its keyword (no `and`: `the Rally and Marine Le Pen`). */
const HEAD_CONNECTORS = new Set(['of', 'for', 'the', 'de', 'du', 'des', 'on', 'la', 'le', "d'"]);

// ------------------------------------------------------------------ templates

const T = (name: string): number => seed(name);
const S_BIAS = T('bias');
const S_W = T('w');
const S_LW = T('lw');
const S_SH = T('sh');
const S_SSH = T('ssh');
const S_PRE = [T('p1'), T('p2'), T('p3'), T('p4')];
const S_SUF = [T('s1'), T('s2'), T('s3'), T('s4')];
const S_LWM1 = T('lw-1');
const S_LWM2 = T('lw-2');
const S_LWP1 = T('lw+1');
const S_LWP2 = T('lw+2');
const S_SHM1 = T('sh-1');
const S_SHP1 = T('sh+1');
const S_SSHM2 = T('ssh-2');
const S_SSHP2 = T('ssh+2');
const S_BIM = T('lw-1|lw');
const S_BIP = T('lw|lw+1');
const S_SH3 = T('ssh-1|ssh|ssh+1');
const S_SHW1 = T('ssh|lw+1');
const S_SHWM1 = T('lw-1|ssh');
const S_FIRST = T('first');
const S_FIRST_SH = T('first|ssh');
const S_AC = T('allcaps');
const S_AC_SH = T('allcaps|ssh');
const S_AC_LW = T('allcaps|lw');
const S_CAPMID = T('capmid');
const S_LV = T('lowervocab');
const S_CV = T('capvocab');
const S_GAZ = T('gaz');
const S_GAZMAJ = T('gazmaj');
const S_GAZM1 = T('gaz-1');
const S_GAZP1 = T('gaz+1');
const S_FN = T('firstname');
const S_FNM1 = T('firstname-1');
const S_LN = T('lastname');
const S_OKW = T('orgkw');
const S_OKR = T('orgkw-right');
const S_OKL = T('orgkw-left');
const S_LKW = T('lockw');
const S_OKH = T('orgkw-head');
const S_RUN = T('cap-run');
const S_PL = T('place-list');
const S_LKR = T('lockw-right');
const S_TTL = T('title-1');
const S_PAREN = T('paren');
const S_SLEN = T('slen');
const S_HEAD = T('headline');
const S_HYP = T('hyphen-part');
const S_HYPL = T('hyphen-last');
const S_BOS = hashStr(FNV_OFFSET, '<S>');
const S_EOS = hashStr(FNV_OFFSET, '</S>');

export const S_T1 = T('t-1');
export const S_T2 = T('t-2|t-1');
export const S_T1W = T('t-1|lw');
export const S_T1S = T('t-1|ssh');

const bin = (n: number): number => (n === 0 ? 0 : n <= 2 ? 1 : n <= 10 ? 2 : 3);

/** Features of the tokens of a sentence, flat: token `i` has buckets `data[offs[i]] .. data[offs[i + 1]]`. */
export interface FeatureTable {
  data: Int32Array;
  offs: Int32Array;
}

/** Collects feature buckets token by token into a `FeatureTable`. */
let shared = new Int32Array(4096);

export class FeatureSink {
  private data = shared;
  private n = 0;
  private offs: number[] = [0];
  constructor(readonly mask: number) {}
  add(h: number): void {
    if (this.n === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = shared = bigger;
    }
    this.data[this.n++] = mix(h) & this.mask;
  }
  endToken(): void {
    this.offs.push(this.n);
  }
  table(): FeatureTable {
    return { data: this.data.slice(0, this.n), offs: Int32Array.from(this.offs) };
  }
}

interface GazMatches {
  /** For each token, for each type t, 5 bits at (t*5): position (0 none, 1 B, 2 I, 3 L, 4 U) and 2 bits of count bucket. */
  pos: Int32Array;
  /** For each token: (length of longest match << 5) | (count bucket << 3) | majority type + 1. */
  maj: Int32Array;
  /** Best match length so far per token and type. */
  best: Int32Array;
}

/**
 * Gazetteer matches of a sentence in several gazetteers at once: every n-gram of up to
 * `MAX_GAZ_LEN` words that starts and ends with a capitalised word or a number; the longest match
 * per type wins. N-gram keys are hashed incrementally (same keys as `key52` of the joined words).
 */
function gazetteerMatches(toks: readonly Tok[], gazs: readonly Map<number, number>[]): GazMatches[] {
  const n = toks.length;
  const out: GazMatches[] = gazs.map(() => ({ pos: new Int32Array(n), maj: new Int32Array(n), best: new Int32Array(n * 4) }));
  for (let i = 0; i < n; i++) {
    const t0 = toks[i]!;
    if (!(t0.cap || t0.num)) continue;
    let a = FNV_OFFSET;
    let b = 0x01000193;
    for (let j = i; j < n && j < i + MAX_GAZ_LEN; j++) {
      const tj = toks[j]!;
      if (j > i) {
        a = Math.imul(a ^ 32, 16777619);
        b = Math.imul(b ^ 32, 16777619);
      }
      a = hashStr(a, tj.lw);
      b = hashStr(b, tj.lw);
      if (!(tj.cap || tj.num)) continue;
      const key = mix(a) * 0x100000 + (mix(b) & 0xfffff);
      for (let g = 0; g < gazs.length; g++) {
        const v = gazs[g]!.get(key);
        if (v !== undefined) mark(out[g]!, i, j, v);
      }
    }
  }
  return out;
}

function mark(m: GazMatches, i: number, j: number, v: number): void {
  const len = j - i + 1;
  const cnt = (v >> 7) & 3;
  for (let t = 0; t < 4; t++) {
    if (!(v & (1 << t))) continue;
    for (let k = i; k <= j; k++) {
      if (m.best[k * 4 + t]! >= len) continue;
      m.best[k * 4 + t] = len;
      const p = (len === 1 ? 4 : k === i ? 1 : k === j ? 3 : 2) | (cnt << 3);
      m.pos[k] = (m.pos[k]! & ~(31 << (t * 5))) | (p << (t * 5));
    }
  }
  const maj = (v >> 4) & 7;
  for (let k = i; k <= j; k++) if (len >= (m.maj[k]! >> 5)) m.maj[k] = (len << 5) | (cnt << 3) | maj;
}

/** Spelling features of a word on its own (raw hashes): prefixes and suffixes of 1-4 letters, hyphen parts. */
function ownFeatures(lw: string, hasLetter: boolean): number[] {
  const out: number[] = [];
  let hp = FNV_OFFSET;
  for (let k = 0; k < 4 && k < lw.length - 1; k++) {
    hp = Math.imul(hp ^ lw.charCodeAt(k), 16777619);
    out.push(join(S_PRE[k]!, hp));
  }
  let hs = FNV_OFFSET;
  for (let k = 0; k < 4 && k < lw.length - 1; k++) {
    hs = Math.imul(hs ^ lw.charCodeAt(lw.length - 1 - k), 16777619);
    out.push(join(S_SUF[k]!, hs));
  }
  const dash = lw.indexOf('-');
  if (dash > 0 && dash < lw.length - 1 && hasLetter) {
    const parts = lw.split('-');
    for (const p of parts) out.push(hashStr(S_HYP, p));
    out.push(hashStr(S_HYPL, parts[parts.length - 1]!));
  }
  return out;
}

/** Static features of every token of a sentence. */
export function staticFeatures(sent: Sent, lex: Lexicon, mask: number): FeatureTable {
  const toks = sent.toks;
  const n = toks.length;
  const dom = sent.domain;
  const gzs = gazetteerMatches(toks, [lex.gaz[dom]!, lex.gaz[1 - dom]!]);
  const f = new FeatureSink(mask);
  const lwh = (i: number): number => (i < 0 ? S_BOS : i >= n ? S_EOS : toks[i]!.hLw);
  const shh = (i: number): number => (i < 0 ? S_BOS : i >= n ? S_EOS : toks[i]!.hSh);
  const sshh = (i: number): number => (i < 0 ? S_BOS : i >= n ? S_EOS : toks[i]!.hSsh);
  const slen = n === 1 ? 1 : n === 2 ? 2 : n === 3 ? 3 : n <= 6 ? 4 : 5;
  const runs = capitalRuns(toks);
  for (let i = 0; i < n; i++) {
    const t = toks[i]!;
    f.add(S_BIAS);
    if (runs[i]! >= 0) f.add(join(S_RUN, runs[i]!));
    f.add(join(join(S_W, t.hW), dom));
    f.add(join(join(S_LW, t.hLw), dom));
    f.add(join(S_SH, t.hSh));
    f.add(join(S_SSH, t.hSsh));
    for (let k = 0; k < t.own.length; k++) f.add(t.own[k]!);
    f.add(join(S_LWM1, lwh(i - 1)));
    f.add(join(S_LWM2, lwh(i - 2)));
    f.add(join(S_LWP1, lwh(i + 1)));
    f.add(join(S_LWP2, lwh(i + 2)));
    f.add(join(S_SHM1, shh(i - 1)));
    f.add(join(S_SHP1, shh(i + 1)));
    f.add(join(S_SSHM2, sshh(i - 2)));
    f.add(join(S_SSHP2, sshh(i + 2)));
    f.add(join(join(S_BIM, lwh(i - 1)), t.hLw));
    f.add(join(join(S_BIP, t.hLw), lwh(i + 1)));
    f.add(join(join(join(S_SH3, sshh(i - 1)), t.hSsh), sshh(i + 1)));
    f.add(join(join(S_SHW1, t.hSsh), lwh(i + 1)));
    f.add(join(join(S_SHWM1, lwh(i - 1)), t.hSsh));
    if (i === 0) {
      f.add(S_FIRST);
      f.add(join(S_FIRST_SH, t.hSsh));
    }
    if (sent.allCaps) {
      f.add(S_AC);
      f.add(join(S_AC_SH, t.hSsh));
      f.add(join(S_AC_LW, t.hLw));
    }
    const where = i === 0 ? 1 : sent.allCaps ? 2 : 3;
    if (t.cap && where === 3) f.add(S_CAPMID);
    if (t.hasLetter) {
      lookUp(t, lex);
      const ctx = where * 2 + (t.cap ? 1 : 0);
      f.add(join(join(S_LV, ctx), t.lowerBin));
      f.add(join(join(S_CV, ctx), t.capBin));
    }
    for (let cross = 0; cross < gzs.length; cross++) {
      const gz = gzs[cross]!;
      const g = gz.pos[i]!;
      const c = cross * 8 + dom;
      for (let ty = 0; ty < 4; ty++) {
        const p = (g >> (ty * 5)) & 31;
        if (p) f.add(join(join(join(S_GAZ, ty), p), c));
      }
      if (gz.maj[i]) f.add(join(join(S_GAZMAJ, gz.maj[i]! & 31), c));
      if (i > 0 && gz.maj[i - 1]) f.add(join(join(S_GAZM1, gz.maj[i - 1]! & 7), c));
      if (i + 1 < n && gz.maj[i + 1]) f.add(join(join(S_GAZP1, gz.maj[i + 1]! & 7), c));
    }
    if (t.hasLetter) {
      if (t.firstName) f.add(join(join(S_FN, t.cap ? 1 : 0), where));
      if (t.lastName) f.add(join(S_LN, t.cap ? 1 : 0));
      if (i > 0 && t.cap && toks[i - 1]!.cap) {
        const prev = toks[i - 1]!;
        lookUp(prev, lex);
        if (prev.firstName) f.add(S_FNM1);
      }
    }
    const cues = t.cues;
    if (t.cap) {
      if (cues & CUE_PLACE) f.add(join(join(S_PL, dom), where));
    }
    if (cues & CUE_ORG) f.add(join(S_OKW, t.cap ? 1 : 0));
    if (cues & CUE_LOC) f.add(join(S_LKW, t.cap ? 1 : 0));
    if (t.cap) {
      // A capitalised run to the right that ends in an organisation / place keyword.
      for (let j = i + 1; j < n && j <= i + 5; j++) {
        const u = toks[j]!;
        if (u.cues & CUE_ORG) {
          f.add(join(S_OKR, (u.cap ? 1 : 0) + (j - i > 1 ? 2 : 0)));
          break;
        }
        if (u.cues & CUE_LOC && u.cap) {
          f.add(join(S_LKR, j - i > 1 ? 1 : 0));
          break;
        }
        if (!u.cap && !(u.cues & CUE_CONNECTOR)) break;
      }
      // `University of Northfield`: a keyword, then `of`, then capitalised words up to here.
      for (let j = i - 1; j >= 0 && j >= i - 5; j--) {
        const u = toks[j]!;
        if (u.lw === 'of' && j > 0 && toks[j - 1]!.cap) {
          const kw = toks[j - 1]!.cues;
          if (kw & CUE_ORG) f.add(join(S_OKL, 1));
          else if (kw & CUE_LOC) f.add(join(S_OKL, 2));
          break;
        }
        if (!u.cap) break;
      }
      // Inside a longer name headed by a keyword: `Center for Sociological Research on Law and ...`.
      for (let j = i - 1; j >= 0 && j >= i - 8; j--) {
        const u = toks[j]!;
        if (u.cap && u.cues & CUE_ORG) {
          f.add(join(S_OKH, i - j > 2 ? 1 : 0));
          break;
        }
        if (!u.cap && !(u.cues & CUE_HEAD_CONNECTOR)) break;
      }
      if (i > 0 && toks[i - 1]!.cues & CUE_TITLE) f.add(S_TTL);
    }
    if (i > 0 && i + 1 < n && toks[i - 1]!.w === '(' && toks[i + 1]!.w === ')') f.add(join(S_PAREN, t.hSsh));
    f.add(join(join(S_SLEN, slen), i === 0 ? 1 : 0));
    if (sent.index === 0) f.add(join(S_HEAD, t.hSsh));
    f.endToken();
  }
  return f.table();
}

const RUN_CONNECTORS = new Set(['of', 'for', 'the', 'on', 'de', 'du', 'des', 'la', 'le', "d'", '&']);

/**
 * Runs of capitalised words, joined by `of`, `for`, `the`, `on`, `de`, ... (not `and`): for each
 * token in a run of two or more capitalised words, a code of (position in run, run length bucket,
 * run has an organisation keyword, run has a place keyword); -1 outside runs.
 */
function capitalRuns(toks: readonly Tok[]): Int32Array {
  const n = toks.length;
  const out = new Int32Array(n).fill(-1);
  let i = 0;
  while (i < n) {
    if (!toks[i]!.cap) {
      i++;
      continue;
    }
    let j = i + 1;
    let end = i + 1; // one past the last capitalised token
    while (j < n) {
      const u = toks[j]!;
      if (u.cap) end = j + 1;
      else if (!(u.cues & CUE_RUN_CONNECTOR)) break;
      j++;
    }
    let caps = 0;
    let org = 0;
    let loc = 0;
    for (let k = i; k < end; k++) {
      const u = toks[k]!;
      if (!u.cap) continue;
      caps++;
      if (u.cues & CUE_ORG) org = 1;
      if (u.cues & CUE_LOC) loc = 1;
    }
    if (caps >= 2) {
      const len = end - i <= 2 ? 0 : end - i <= 4 ? 1 : 2;
      for (let k = i; k < end; k++) {
        const pos = k === i ? 0 : k === end - 1 ? 2 : 1;
        out[k] = pos | (len << 2) | (org << 4) | (loc << 5) | ((toks[k]!.cap ? 1 : 0) << 6);
      }
    }
    i = Math.max(end, i + 1);
  }
  return out;
}
