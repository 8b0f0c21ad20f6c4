/**
 * The connections graph: people ↔ organizations through roles, and co-mentions through `related`,
 * laid out at build time (the overall graph with d3-force, each neighbourhood as a star) and rendered
 * as an inline SVG of links (no JavaScript).
 *
 * Byte-stable output: nodes and edges are sorted before the layout, d3-force's first placement
 * (phyllotaxis) is deterministic, its jiggle draws from a seeded PRNG, the number of ticks is fixed
 * and coordinates are rounded to one decimal.
 */
import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationLinkDatum, type SimulationNodeDatum } from 'd3-force';
import type { Archive, Organization, Person, Related } from '../model.ts';
import { rng } from '../text/random.ts';
import { byId, entityOf } from './lookup.ts';

/** A person or organization in a graph. */
export interface GraphNode {
  /** `person:<id>` or `organization:<id>`: unique even when a person and an organization share a slug. */
  readonly key: string;
  readonly kind: 'person' | 'organization';
  readonly name: string;
  /** Page path relative to the site root, for the `href` filter. */
  readonly url: string;
  /** Number of mentions in the archive: the node's size. */
  readonly mentions: number;
}

/** A connection between two nodes: a role, or articles in common. */
export interface GraphEdge {
  /** Key of the person for a role; of the first node (by key) for a co-mention. */
  readonly source: string;
  readonly target: string;
  readonly kind: 'role' | 'related';
  /** The role title(s), or `appears with, N articles`. */
  readonly label: string;
  /** Articles in common (at least 1): the line's thickness. */
  readonly weight: number;
}

export interface PositionedNode extends GraphNode {
  readonly x: number;
  readonly y: number;
  /** Radius (half the side for an organization's square). */
  readonly r: number;
  /** `text-anchor` of the label, so that labels near an edge of the box grow inwards. */
  readonly anchor: 'start' | 'middle' | 'end';
}

export interface PositionedEdge extends GraphEdge {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  /** Stroke width. */
  readonly width: number;
  /** Name and page of each end, for the table. */
  readonly from: { readonly name: string; readonly url: string; readonly kind: string };
  readonly to: { readonly name: string; readonly url: string; readonly kind: string };
}

/** A graph laid out in a `0 0 width height` viewBox. */
export interface Graph {
  readonly width: number;
  readonly height: number;
  readonly nodes: readonly PositionedNode[];
  readonly edges: readonly PositionedEdge[];
}

export interface LayoutOptions {
  readonly width: number;
  readonly height: number;
  /** Seed of the PRNG d3-force uses to separate coincident nodes. */
  readonly seed: number;
  /** Simulation steps; fixed so the result does not depend on convergence. @default 300 */
  readonly ticks?: number;
}

/** Nodes of the overall graph at most; the most mentioned are kept. */
export const MAX_NODES = 60;
/** Nodes of a neighbourhood graph at most, the entity included. */
export const MAX_NEIGHBOURS = 15;

const round = (n: number): number => Math.round(n * 10) / 10 || 0;


/** A node's radius from its mentions, relative to the most mentioned of `nodes`; whole pixels, so that the template's `r + 11` and `2 * r` stay short numbers. */
function sizer(nodes: readonly GraphNode[]): (n: GraphNode) => number {
  const maxMentions = Math.max(1, ...nodes.map((n) => n.mentions));
  return (n) => Math.round(5 + 7 * Math.sqrt(n.mentions / maxMentions));
}

const byKey = (a: { key: string }, b: { key: string }): number => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
const edgeKey = (e: GraphEdge): string => `${e.source}|${e.target}`;

/**
 * Place `nodes` and `edges` in a `width` × `height` box with a fixed number of d3-force ticks.
 *
 * The input order does not matter (both lists are sorted first); edges whose ends are not among
 * the nodes are dropped. The result is scaled to fit inside the box with a margin.
 */
export function layoutGraph(nodes: readonly GraphNode[], edges: readonly GraphEdge[], options: Readonly<LayoutOptions>): Graph {
  const { width, height, seed, ticks = 300 } = options;
  const radius = sizer(nodes);
  const sorted = [...nodes].sort(byKey);
  const keys = new Set(sorted.map((n) => n.key));
  const kept = edges.filter((e) => keys.has(e.source) && keys.has(e.target)).sort((a, b) => (edgeKey(a) < edgeKey(b) ? -1 : edgeKey(a) > edgeKey(b) ? 1 : 0));

  type SimNode = SimulationNodeDatum & { key: string; r: number };
  const sim: SimNode[] = sorted.map((n) => ({ key: n.key, r: radius(n) }));
  const links: SimulationLinkDatum<SimNode>[] = kept.map((e) => ({ source: e.source, target: e.target }));
  forceSimulation(sim)
    .randomSource(rng(seed))
    .force('link', forceLink<SimNode, SimulationLinkDatum<SimNode>>(links).id((d) => d.key).distance(60))
    .force('charge', forceManyBody<SimNode>().strength(-220))
    // Weak pulls to the middle keep unconnected nodes from drifting off.
    .force('x', forceX<SimNode>(0).strength(0.06))
    .force('y', forceY<SimNode>(0).strength(0.06 * (width / height)))
    .force('collide', forceCollide<SimNode>((d) => d.r + 20))
    .stop()
    .tick(ticks);

  // Fit the layout to the box, keeping its proportions, with room for the labels under the nodes.
  const margin = 24;
  const xs = sim.map((n) => n.x ?? 0);
  const ys = sim.map((n) => n.y ?? 0);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const scale = Math.min((width - 2 * margin) / Math.max(maxX - minX, 1), (height - 2 * margin) / Math.max(maxY - minY, 1), 3);
  const offX = (width - (maxX - minX) * scale) / 2 - minX * scale;
  const offY = (height - (maxY - minY) * scale) / 2 - minY * scale;
  const placed = new Map<string, PositionedNode>();
  sorted.forEach((n, i) => {
    const s = sim[i]!;
    const x = round((s.x ?? 0) * scale + offX);
    const anchor = x < width / 4 ? 'start' : x > (3 * width) / 4 ? 'end' : 'middle';
    placed.set(n.key, { ...n, x, y: round((s.y ?? 0) * scale + offY), r: s.r, anchor });
  });
  return positioned(width, height, placed, kept);
}

/** The graph of `placed` nodes and the `edges` among them, each edge drawn between its ends, thicker for more weight. */
function positioned(width: number, height: number, placed: ReadonlyMap<string, PositionedNode>, edges: readonly GraphEdge[]): Graph {
  const maxWeight = Math.max(1, ...edges.map((e) => e.weight));
  const end = (n: PositionedNode): { name: string; url: string; kind: string } => ({ name: n.name, url: n.url, kind: n.kind });
  return {
    width,
    height,
    nodes: [...placed.values()],
    edges: edges.map((e) => {
      const a = placed.get(e.source)!;
      const b = placed.get(e.target)!;
      return { ...e, from: end(a), to: end(b), x1: a.x, y1: a.y, x2: b.x, y2: b.y, width: round(1 + 4 * (Math.log(e.weight) / Math.log(Math.max(maxWeight, 2)))) };
    }),
  };
}

type GraphEntity = Person | Organization;
const keyOf = (e: { kind: string; id: string }): string => `${e.kind}:${e.id}`;
const toNode = (e: GraphEntity): GraphNode => ({ key: keyOf(e), kind: e.kind, name: e.name, url: e.url, mentions: e.mentions.length });
const plural = (n: number): string => `appears with, ${n} article${n === 1 ? '' : 's'}`;

const relatedIndexes = new WeakMap<readonly Related[], Map<string, number>>();
/** Articles in common with each related entity, by key; once per entity and archive (the lists are the archive's, whatever Proxy wraps the entity). */
function relatedCounts(e: GraphEntity): Map<string, number> {
  let index = relatedIndexes.get(e.related);
  if (!index) relatedIndexes.set(e.related, (index = new Map(e.related.map((r) => [`${r.kind}:${r.id}`, r.articles]))));
  return index;
}

/** The articles `e` has in common with each of `keys` it relates to, as `relatedCounts` would give them. */
function countsAmong(e: GraphEntity, keys: ReadonlySet<string>): Map<string, number> {
  const ids = new Set<string>();
  for (const k of keys) ids.add(k.slice(k.indexOf(':') + 1));
  const out = new Map<string, number>();
  for (const r of e.related) {
    if (!ids.has(r.id)) continue;
    const k = `${r.kind}:${r.id}`;
    if (keys.has(k)) out.set(k, r.articles);
  }
  return out;
}

/**
 * Every role and co-mention edge among `entities`, one per pair (a role names the pair; co-mentions
 * weigh it). With `centre`, only the role edges and the edges of `centre`: a star.
 */
function edgesAmong(entities: readonly GraphEntity[], centre?: string): GraphEdge[] {
  const inGraph = new Set(entities.map(keyOf));
  const titles = new Map<string, { source: string; target: string; titles: string[] }>();
  const shared = new Map<string, number>();
  const pair = (a: string, b: string): string => (a < b ? `${a}|${b}` : `${b}|${a}`);
  for (const e of entities) {
    if (e.kind === 'person') {
      for (const role of e.roles) {
        if (!role.organization) continue;
        const org = `organization:${role.organization}`;
        if (!inGraph.has(org)) continue;
        const k = pair(keyOf(e), org);
        const entry = titles.get(k) ?? { source: keyOf(e), target: org, titles: [] };
        if (!entry.titles.includes(role.title)) entry.titles.push(role.title);
        titles.set(k, entry);
      }
    }
  }
  // Pairs among the nodes, looked up: a much-mentioned entity relates to thousands, and appears in many graphs.
  // A star asks about a few pairs of its own: the counts of one entity are then read off its list in one
  // pass, for the nodes only, instead of indexing all it relates to (once per graph it is the centre of).
  const keys = entities.map(keyOf);
  const star = new Map<number, Map<string, number>>();
  const countsOf = (i: number): Map<string, number> => {
    if (centre === undefined) return relatedCounts(entities[i]!);
    let counts = star.get(i);
    if (!counts) star.set(i, (counts = countsAmong(entities[i]!, inGraph)));
    return counts;
  };
  for (let i = 0; i < entities.length; i++) {
    for (let j = i + 1; j < entities.length; j++) {
      if (centre !== undefined && keys[i] !== centre && keys[j] !== centre && (titles.size === 0 || !titles.has(pair(keys[i]!, keys[j]!)))) continue;
      const n = countsOf(i).get(keys[j]!) ?? countsOf(j).get(keys[i]!);
      if (n !== undefined && keys[i] !== keys[j]) shared.set(pair(keys[i]!, keys[j]!), n);
    }
  }
  const out: GraphEdge[] = [];
  for (const [k, t] of titles) out.push({ source: t.source, target: t.target, kind: 'role', label: t.titles.join(', '), weight: Math.max(1, shared.get(k) ?? 1) });
  for (const [k, n] of shared) {
    if (titles.has(k)) continue;
    const [source, target] = k.split('|') as [string, string];
    out.push({ source, target, kind: 'related', label: plural(n), weight: Math.max(1, n) });
  }
  return out.sort((a, b) => (edgeKey(a) < edgeKey(b) ? -1 : 1));
}

/** People and organizations, most mentioned first, by name on a tie. */
function ranked(list: readonly GraphEntity[]): GraphEntity[] {
  return [...list].sort((a, b) => b.mentions.length - a.mentions.length || a.name.localeCompare(b.name, 'en') || (keyOf(a) < keyOf(b) ? -1 : 1));
}

/**
 * The nodes and edges of the whole archive: the `MAX_NODES` most mentioned people and organizations.
 * Once per archive: the graph page lays it out, and the build's page fingerprints ask whether it changed.
 */
export function archiveGraph(archive: Archive): { nodes: GraphNode[]; edges: GraphEdge[] } {
  let graph = archiveGraphs.get(archive.people);
  if (!graph) {
    const entities = ranked([...archive.people, ...archive.organizations]).slice(0, MAX_NODES);
    archiveGraphs.set(archive.people, (graph = { nodes: entities.map(toNode), edges: strongest(edgesAmong(entities), RELATED_PER_NODE) }));
  }
  return graph;
}

const archiveGraphs = new WeakMap<readonly Person[], { nodes: GraphNode[]; edges: GraphEdge[] }>();

/** Co-mention edges kept per node in the overall graph: in a small archive everyone appears with everyone. */
export const RELATED_PER_NODE = 3;

/** Every role edge, and the co-mention edges that are among the `k` heaviest of either of their ends. */
function strongest(edges: readonly GraphEdge[], k: number): GraphEdge[] {
  const related = edges.filter((e) => e.kind === 'related').sort((a, b) => b.weight - a.weight || (edgeKey(a) < edgeKey(b) ? -1 : 1));
  const count = new Map<string, number>();
  const keep = new Set<GraphEdge>();
  for (const e of related) {
    if ((count.get(e.source) ?? 0) < k || (count.get(e.target) ?? 0) < k) {
      keep.add(e);
      count.set(e.source, (count.get(e.source) ?? 0) + 1);
      count.set(e.target, (count.get(e.target) ?? 0) + 1);
    }
  }
  return edges.filter((e) => e.kind === 'role' || keep.has(e));
}

/**
 * The nodes and edges around one person or organization: its role organizations (or members)
 * first, then the people and organizations it shares most articles with, `MAX_NEIGHBOURS` in all.
 * Only the entity's own edges are kept, and roles among its neighbours, so the picture stays a star.
 */
export function neighbourhoodGraph(archive: Archive, entityKey: string): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const [kind, id] = entityKey.includes(':') ? (entityKey.split(/:(.*)/s) as [string, string]) : ['', entityKey];
  const centre = (kind !== 'organization' ? byId(archive.people, id) : undefined) ?? (kind !== 'person' ? byId(archive.organizations, id) : undefined);
  if (!centre) return { nodes: [], edges: [] };
  // Once per entity and archive: the build's page fingerprints (src/site/pages.ts) and the entity's page both ask.
  // Keyed by the archive's list of people, which stays the same array whatever Proxy Eleventy wraps the archive in.
  let ofArchive = neighbourhoods.get(archive.people);
  if (!ofArchive) neighbourhoods.set(archive.people, (ofArchive = new Map()));
  let graph = ofArchive.get(keyOf(centre));
  if (!graph) ofArchive.set(keyOf(centre), (graph = neighbourhoodOf(archive, centre)));
  return graph;
}

const neighbourhoods = new WeakMap<readonly Person[], Map<string, { nodes: GraphNode[]; edges: GraphEdge[] }>>();

function neighbourhoodOf(archive: Archive, centre: GraphEntity): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const chosen = new Map<string, GraphEntity>([[keyOf(centre), centre]]);
  const add = (e: GraphEntity | undefined): void => {
    if (e && chosen.size < MAX_NEIGHBOURS && !chosen.has(keyOf(e))) chosen.set(keyOf(e), e);
  };
  if (centre.kind === 'person') for (const r of centre.roles) add(r.organization ? byId(archive.organizations, r.organization) : undefined);
  else for (const r of centre.members) add(byId(archive.people, r.person));
  // People and organizations only: places are not drawn.
  const lookup = (r: Related): GraphEntity | undefined => {
    const e = entityOf(archive, r.kind, r.id);
    return e?.kind === 'place' ? undefined : e;
  };
  const candidate = (r: Related): boolean => r.kind !== 'place' && !chosen.has(`${r.kind}:${r.id}`) && lookup(r) !== undefined;
  for (const r of mostShared(centre.related, MAX_NEIGHBOURS - chosen.size, candidate)) add(lookup(r));
  const entities = [...chosen.values()];
  const me = keyOf(centre);
  const edges = edgesAmong(entities, me);
  return { nodes: entities.map(toNode), edges };
}

/**
 * The `k` entries of `related` that `accept` takes with the most articles in common, most first,
 * the earlier first on a tie: what a stable sort of the accepted entries would start with, without
 * sorting the thousands of entries of a much-mentioned entity for every graph it is in, and asking
 * `accept` only about entries that would make the list.
 */
export function mostShared(related: readonly Related[], k: number, accept: (r: Related) => boolean = () => true): Related[] {
  const top: Related[] = [];
  if (k <= 0) return top;
  for (const r of related) {
    if (top.length === k && r.articles <= top[k - 1]!.articles) continue;
    if (!accept(r)) continue;
    let i = top.length;
    while (i > 0 && top[i - 1]!.articles < r.articles) i--;
    top.splice(i, 0, r);
    if (top.length > k) top.pop();
  }
  return top;
}

/** The seed of every layout: a constant, so that a rebuild draws the same picture. */
export const SEED = 20_211;

// Keyed like the neighbourhoods, by the archive's list of people: the archive itself reaches each page in a new Proxy.
const archiveCache = new WeakMap<readonly Person[], Graph>();

/** The overall graph laid out, once per archive. */
export function archiveGraphLayout(archive: Archive): Graph {
  let graph = archiveCache.get(archive.people);
  if (!graph) {
    const { nodes, edges } = archiveGraph(archive);
    archiveCache.set(archive.people, (graph = layoutGraph(nodes, edges, { width: 960, height: 640, seed: SEED })));
  }
  return graph;
}

/**
 * The neighbourhood of `entity` laid out as a star: the entity in the middle, its neighbours on an
 * ellipse around it in the order `neighbourhoodGraph` chose them (roles first, then most articles
 * in common), clockwise from the top. No simulation: a handful of trigonometry per page, so that
 * thousands of entity pages cost nothing, and the picture of an ego network is the clearest one.
 */
export function neighbourhoodGraphLayout(archive: Archive, entity: { kind: string; id: string }): Graph {
  const { nodes, edges } = neighbourhoodGraph(archive, keyOf(entity));
  return radialLayout(nodes, edges, { width: 640, height: 400 });
}

/** Place `nodes[0]` in the middle of the box and the others evenly on an ellipse around it. */
export function radialLayout(nodes: readonly GraphNode[], edges: readonly GraphEdge[], { width, height }: { width: number; height: number }): Graph {
  const radius = sizer(nodes);
  // Room for the largest node and its label under it.
  const rx = width / 2 - 60;
  const ry = height / 2 - 40;
  const ring = nodes.length - 1;
  const placed = new Map<string, PositionedNode>();
  nodes.forEach((n, i) => {
    const angle = i === 0 ? 0 : -Math.PI / 2 + (2 * Math.PI * (i - 1)) / ring;
    const x = i === 0 ? width / 2 : round(width / 2 + rx * Math.cos(angle));
    const y = i === 0 ? height / 2 : round(height / 2 + ry * Math.sin(angle));
    const anchor = x < width / 4 ? 'start' : x > (3 * width) / 4 ? 'end' : 'middle';
    placed.set(n.key, { ...n, x, y, r: radius(n), anchor });
  });
  return positioned(width, height, placed, edges.filter((e) => placed.has(e.source) && placed.has(e.target)));
}
