import type { Demand, DemandTheme } from '../model.ts';

/** English function words: never a theme's key term. */
const STOP = new Set(
  `a an the and or but if of to in on at by for from with without into onto over under than then that this these those
  it its they them their we our us you your he him his she her i me my be is are was were been being have has had do does
  did not no nor so as such more most less least very can could will would shall should may might must also only even
  all any each every some other another who whom which what when where why how there here about against between after
  before during until while because since per up down out off again further once just both few many much own same too
  make made take taken give given get set allow allowing ask demand demands want wants call calls push urge
  year years time times day days week weeks month months way ways thing things face need needs necessary new first last`.split(/\s+/u),
);

/** A word's rough stem: plurals and common endings off, so `attacks` and `attack` meet. */
export function stem(word: string): string {
  return word
    .toLowerCase()
    .replace(/['’]s$/u, '')
    .replace(/ies$/u, 'y')
    .replace(/(?:ments?|ings?|ed)$/u, '')
    .replace(/(ss|x|z|ch|sh)es$/u, '$1')
    .replace(/([^s])s$/u, '$1')
    .replace(/(.)\1$/u, '$1');
}

/** The content words of a text, stemmed, each once. */
export function keyTerms(text: string): Set<string> {
  const words = text.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').match(/[\p{L}\d][\p{L}\d-]*/gu) ?? [];
  return new Set(words.filter((w) => w.length > 2 && !STOP.has(w) && !/^\d+$/u.test(w)).map(stem).filter((w) => w.length > 2 && !STOP.has(w)));
}

/** The words that carry a demand: its label and the sentences that demand, else its whole text. */
function demandCore(d: Demand): string {
  const demanding = d.text.split(/(?<=[.!?])\s+/u).filter((s) => /\b(?:demand|call|ask|urge|push|want|claim|guarantee)/iu.test(s));
  return `${d.label} ${demanding.length ? demanding.join(' ') : d.text}`;
}

/** The most frequent written form of each stem, to name themes in words a reader knows. */
function surfaceForms(texts: readonly string[]): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const text of texts) {
    for (const w of text.toLowerCase().match(/[\p{L}\d][\p{L}\d-]*/gu) ?? []) {
      const forms = counts.get(stem(w)) ?? new Map<string, number>();
      forms.set(w, (forms.get(w) ?? 0) + 1);
      counts.set(stem(w), forms);
    }
  }
  return new Map([...counts].map(([k, forms]) => [k, [...forms].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length || (a[0] < b[0] ? -1 : 1))[0]![0]]));
}

/**
 * Group demands that share their key terms: two demands join a theme when they share at
 * least two terms that no more than `maxShare` of all demands use (so `police` does not
 * group everything). Grouping goes through a term → demands index, never all pairs.
 *
 * A theme is named by its most shared terms; demands that share nothing stand alone.
 */
export function groupDemands(demands: readonly Demand[], maxShare = 0.4): DemandTheme[] {
  const terms = demands.map((d) => keyTerms(demandCore(d)));
  const surface = surfaceForms(demands.map(demandCore));
  const df = new Map<string, number>();
  for (const set of terms) for (const t of set) df.set(t, (df.get(t) ?? 0) + 1);
  const limit = Math.max(2, Math.floor(demands.length * maxShare));
  const usable = (t: string): boolean => (df.get(t) ?? 0) >= 2 && (df.get(t) ?? 0) <= limit;
  const byTerm = new Map<string, number[]>();
  terms.forEach((set, i) => {
    for (const t of set) if (usable(t)) byTerm.set(t, [...(byTerm.get(t) ?? []), i]);
  });
  // Shared usable terms per pair of demands that share at least one.
  const shared = new Map<string, number>();
  for (const list of byTerm.values()) {
    for (let x = 0; x < list.length; x++) for (let y = x + 1; y < list.length; y++) {
      const k = `${list[x]}:${list[y]}`;
      shared.set(k, (shared.get(k) ?? 0) + 1);
    }
  }
  const parent = demands.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (const [k, n] of shared) {
    if (n < 2) continue;
    const [a, b] = k.split(':').map(Number) as [number, number];
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
  const groups = new Map<number, number[]>();
  demands.forEach((_, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), i]));
  const themes: DemandTheme[] = [];
  for (const members of groups.values()) {
    const first = demands[members[0]!]!;
    let label = first.label;
    let themeTerms: string[] = [];
    if (members.length > 1) {
      const counts = new Map<string, number>();
      for (const i of members) for (const t of terms[i]!) if (usable(t)) counts.set(t, (counts.get(t) ?? 0) + 1);
      themeTerms = [...counts.entries()].filter(([, n]) => n >= 2).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 4).map(([t]) => t);
      label = themeTerms.map((t) => surface.get(t) ?? t).join(' · ');
    }
    themes.push({ id: `theme-${themes.length + 1}`, label, terms: themeTerms, demands: members.map((i) => demands[i]!.id) });
  }
  return themes
    .sort((a, b) => b.demands.length - a.demands.length || (a.demands[0]! < b.demands[0]! ? -1 : 1))
    .map((t, i) => ({ ...t, id: `theme-${i + 1}` }));
}
