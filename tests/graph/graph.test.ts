/**
 * The connections graph: a deterministic build-time layout (src/site/graph.ts), and the SVG + table
 * it renders on graph/index.html and on every person and organization page.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Related } from '../../src/model.ts';
import { archiveGraph, layoutGraph, mostShared, neighbourhoodGraph, radialLayout, MAX_NEIGHBOURS, MAX_NODES, type Graph, type GraphEdge, type GraphNode } from '../../src/site/graph.ts';
import { buildRealSite, listFiles, type BuiltSite } from '../helpers/site.ts';

const node = (kind: 'person' | 'organization', id: string, mentions: number): GraphNode => ({
  key: `${kind}:${id}`,
  kind,
  name: id,
  url: `${kind === 'person' ? 'people' : 'organizations'}/${id}/`,
  mentions,
});
const NODES: GraphNode[] = [
  node('person', 'a', 5),
  node('person', 'b', 1),
  node('person', 'c', 2),
  node('organization', 'x', 9),
  node('organization', 'y', 1),
  node('organization', 'z', 3),
];
const EDGES: GraphEdge[] = [
  { source: 'person:a', target: 'organization:x', kind: 'role', label: 'secretary', weight: 2 },
  { source: 'person:b', target: 'organization:x', kind: 'role', label: 'member', weight: 1 },
  { source: 'organization:x', target: 'organization:y', kind: 'related', label: 'appears with, 3 articles', weight: 3 },
  { source: 'person:a', target: 'person:c', kind: 'related', label: 'appears with, 1 article', weight: 1 },
];
const OPTIONS = { width: 640, height: 400, seed: 7 };

/** Every node's shape within the viewBox. */
function outside(graph: Graph): string[] {
  return graph.nodes
    .filter((n) => n.x - n.r < 0 || n.y - n.r < 0 || n.x + n.r > graph.width || n.y + n.r > graph.height)
    .map((n) => `${n.key} at (${n.x}, ${n.y}) r=${n.r}`);
}

describe('layoutGraph', () => {
  it('should lay out the same graph identically twice', () => {
    expect(JSON.stringify(layoutGraph(NODES, EDGES, OPTIONS))).toBe(JSON.stringify(layoutGraph(NODES, EDGES, OPTIONS)));
  });

  it('should not depend on the order of its input', () => {
    const reversed = layoutGraph([...NODES].reverse(), [...EDGES].reverse(), OPTIONS);
    expect(JSON.stringify(reversed)).toBe(JSON.stringify(layoutGraph(NODES, EDGES, OPTIONS)));
  });

  it('should put every node inside the box, for any size', () => {
    for (const [width, height] of [
      [640, 400],
      [300, 300],
      [960, 200],
    ] as const) {
      expect(outside(layoutGraph(NODES, EDGES, { width, height, seed: 1 }))).toEqual([]);
    }
  });

  it('should round every coordinate to one decimal', () => {
    const g = layoutGraph(NODES, EDGES, OPTIONS);
    const numbers = [...g.nodes.flatMap((n) => [n.x, n.y, n.r]), ...g.edges.flatMap((e) => [e.x1, e.y1, e.x2, e.y2, e.width])];
    expect(numbers.filter((v) => Math.round(v * 10) / 10 !== v)).toEqual([]);
  });

  it('should drop edges whose ends are not in the graph', () => {
    const g = layoutGraph(NODES.slice(0, 3), EDGES, OPTIONS);
    expect(g.edges.map((e) => `${e.source}-${e.target}`)).toEqual(['person:a-person:c']);
  });

  it('should draw a heavier edge thicker', () => {
    const g = layoutGraph(NODES, EDGES, OPTIONS);
    const width = (label: string): number => g.edges.find((e) => e.label === label)!.width;
    expect(width('appears with, 3 articles')).toBeGreaterThan(width('member'));
  });
});

describe('mostShared', () => {
  it('should pick what a stable sort by articles, most first, would start with', () => {
    const related = [3, 1, 5, 3, 1, 5, 2, 9, 1, 3].map((articles, i) => ({ id: `e${i}`, kind: 'person', articles }) as unknown as Related);
    for (const k of [0, 1, 3, 4, 10, 12]) {
      expect(mostShared(related, k)).toEqual([...related].sort((a, b) => b.articles - a.articles).slice(0, k));
    }
  });
});

describe('radialLayout (a neighbourhood as a star)', () => {
  const ring = (n: number): GraphNode[] => Array.from({ length: n }, (_, i) => node(i % 2 ? 'person' : 'organization', `n${i}`, i + 1));

  it('should put the first node in the middle and the others at one distance from it, clockwise from the top', () => {
    const g = radialLayout(ring(5), [], { width: 640, height: 400 });
    expect([g.nodes[0]!.x, g.nodes[0]!.y]).toEqual([320, 200]);
    expect(g.nodes[1]!.x).toBe(320);
    expect(g.nodes[1]!.y).toBeLessThan(200);
    expect(g.nodes[2]!.x).toBeGreaterThan(320);
    const norm = (n: { x: number; y: number }): number => Math.hypot((n.x - 320) / 260, (n.y - 200) / 160);
    for (const n of g.nodes.slice(1)) expect(norm(n)).toBeCloseTo(1, 2);
  });

  it('should keep every node inside the box, with up to MAX_NEIGHBOURS nodes, and be deterministic', () => {
    for (let k = 2; k <= MAX_NEIGHBOURS; k++) {
      const g = radialLayout(ring(k), [], { width: 640, height: 400 });
      expect(outside(g)).toEqual([]);
      expect(JSON.stringify(g)).toBe(JSON.stringify(radialLayout(ring(k), [], { width: 640, height: 400 })));
    }
  });

  it('should draw the edges among its nodes between their positions and drop the others', () => {
    const nodes = ring(3);
    const edges: GraphEdge[] = [
      { source: nodes[0]!.key, target: nodes[1]!.key, kind: 'role', label: 'member', weight: 1 },
      { source: nodes[0]!.key, target: 'person:elsewhere', kind: 'related', label: 'appears with, 1 article', weight: 1 },
    ];
    const g = radialLayout(nodes, edges, { width: 640, height: 400 });
    expect(g.edges).toHaveLength(1);
    expect([g.edges[0]!.x1, g.edges[0]!.y1, g.edges[0]!.x2, g.edges[0]!.y2]).toEqual([g.nodes[0]!.x, g.nodes[0]!.y, g.nodes[1]!.x, g.nodes[1]!.y]);
  });
});

let site: BuiltSite;
const pages = new Map<string, HTMLElement>();

beforeAll(async () => {
  site = await buildRealSite();
  for (const file of await listFiles(site.dir, '.html')) pages.set(file, parse(await readFile(path.join(site.dir, file), 'utf8')));
}, 120_000);

afterAll(async () => {
  await site?.cleanup();
});

/** The site-relative file a relative link on `page` points at. */
const resolve = (page: string, href: string): string => path.posix.normalize(path.posix.join(path.posix.dirname(page), href.split('#')[0]!));

/** Problems with the graph on `page`: links that are not entity pages, rows that are not edges. */
function graphProblems(page: string, doc: HTMLElement, entityPages: Set<string>): string[] {
  const problems: string[] = [];
  const svg = doc.querySelector('svg.graph');
  if (!svg) return [`${page}: no svg.graph`];
  const titleId = svg.getAttribute('aria-labelledby');
  if (!titleId || !svg.querySelector(`title[id="${titleId}"]`)) problems.push(`${page}: the svg is not labelled by its own <title>`);
  const links = svg.querySelectorAll('a');
  if (links.length < 2) problems.push(`${page}: fewer than two node links`);
  for (const a of links) {
    const target = resolve(page, a.getAttribute('href') ?? '');
    if (!entityPages.has(target)) problems.push(`${page}: node link ${a.getAttribute('href')} is not an entity page`);
    if (!existsSync(path.join(site.dir, target))) problems.push(`${page}: node link ${target} does not exist`);
    if (!a.querySelector('title')?.text.trim()) problems.push(`${page}: node link ${target} has no <title>`);
  }
  const [, , width, height] = (svg.getAttribute('viewBox') ?? '').split(' ').map(Number);
  for (const g of svg.querySelectorAll('a > g')) {
    const [x, y] = (/translate\(([-\d.]+) ([-\d.]+)\)/.exec(g.getAttribute('transform') ?? '') ?? []).slice(1).map(Number);
    if (!(x! >= 0 && y! >= 0 && x! <= width! && y! <= height!)) problems.push(`${page}: node at (${x}, ${y}) outside 0 0 ${width} ${height}`);
  }
  const lines = svg.querySelectorAll('line').length;
  const rows = doc.querySelectorAll('table.graph-table tbody tr');
  if (rows.length !== lines) problems.push(`${page}: ${rows.length} table rows for ${lines} edges`);
  for (const row of rows) {
    const hrefs = row.querySelectorAll('a').map((a) => resolve(page, a.getAttribute('href') ?? ''));
    if (hrefs.length !== 2 || !hrefs.every((h) => entityPages.has(h))) problems.push(`${page}: a table row does not link two entity pages`);
  }
  return problems;
}

describe('the connections graph in the built site', () => {
  const entityPages = (): Set<string> => new Set([...site.archive.people, ...site.archive.organizations].map((e) => `${e.url}index.html`));

  it('should render graph/index.html with an svg of node links and a table of its edges', () => {
    const doc = pages.get('graph/index.html');
    expect(doc, 'graph/index.html was not written').toBeDefined();
    expect(doc!.querySelector('h1')?.text).toBe('Connections');
    expect(doc!.querySelectorAll('svg.graph a').length).toBe(Math.min(MAX_NODES, site.archive.people.length + site.archive.organizations.length));
    expect(doc!.querySelector('table.graph-table')).not.toBeNull();
    expect(graphProblems('graph/index.html', doc!, entityPages())).toEqual([]);
  });

  it('should have one table row per edge of the overall graph', () => {
    const { edges } = archiveGraph(site.archive);
    expect(pages.get('graph/index.html')!.querySelectorAll('table.graph-table tbody tr').length).toBe(edges.length);
  });

  it('should link the graph page from the navigation bar of every page', () => {
    const missing = [...pages].filter(([page, doc]) => !doc.querySelectorAll('nav a').some((a) => resolve(page, a.getAttribute('href') ?? '') === 'graph/index.html'));
    expect(missing.map(([page]) => page)).toEqual([]);
  });

  it('should show a neighbourhood graph on every person and organization page with connections', () => {
    const problems: string[] = [];
    for (const e of [...site.archive.people, ...site.archive.organizations]) {
      const page = `${e.url}index.html`;
      const { nodes, edges } = neighbourhoodGraph(site.archive, `${e.kind}:${e.id}`);
      const doc = pages.get(page)!;
      if (nodes.length < 2) {
        if (doc.querySelector('svg.graph')) problems.push(`${page}: a graph with no connections`);
        continue;
      }
      if (nodes.length > MAX_NEIGHBOURS) problems.push(`${page}: ${nodes.length} nodes`);
      if (doc.querySelectorAll('table.graph-table tbody tr').length !== edges.length) problems.push(`${page}: table rows ≠ ${edges.length} edges`);
      problems.push(...graphProblems(page, doc, entityPages()));
    }
    expect(problems).toEqual([]);
  });

  it('should put no graph on article pages', () => {
    const withGraph = [...pages].filter(([page, doc]) => page.startsWith('articles/') && doc.querySelector('svg.graph'));
    expect(withGraph.map(([page]) => page)).toEqual([]);
  });

  it('should render a byte-identical graph page on a second build', async () => {
    const again = await buildRealSite();
    try {
      const svg = async (dir: string): Promise<string> => parse(await readFile(path.join(dir, 'graph/index.html'), 'utf8')).querySelector('main')!.toString();
      expect(await svg(again.dir)).toBe(await svg(site.dir));
    } finally {
      await again.cleanup();
    }
  }, 120_000);
});
