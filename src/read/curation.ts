import { readFile } from 'node:fs/promises';
import path from 'node:path';
import yaml from 'js-yaml';
import { isEntityKind, type CuratedEntity, type CuratedRole, type Curation, type Problem } from '../model.ts';
import { nameKey } from '../text/normalize.ts';
import { decodeText } from './decode.ts';

export const CURATION_FILE = 'entities.yaml';

const EMPTY: Curation = { entities: [], ignore: [] };
const ENTRY_KEYS = ['name', 'kind', 'aliases', 'description', 'wikidata', 'roles', 'partOf'];

/**
 * Read and check `content/entities.yaml`, the editor's file.
 *
 * A missing file is an empty curation; a contradiction (one alias on two entities,
 * an unknown kind, a role naming no curated organization) is an error naming the line.
 * `read` holds bytes already read, by absolute path (`inputsFingerprint`), as for the articles.
 */
export async function readCuration(contentDir: string, read?: ReadonlyMap<string, Uint8Array>): Promise<{ curation: Curation; problems: Problem[] }> {
  const file = CURATION_FILE;
  let bytes: Uint8Array;
  try {
    bytes = read?.get(path.join(contentDir, file)) ?? (await readFile(path.join(contentDir, file)));
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ENOENT') return { curation: EMPTY, problems: [] };
    return { curation: EMPTY, problems: [{ file, message: `cannot be read (${code ?? 'unknown error'}): check that it is a file you may read`, severity: 'error' }] };
  }
  return parseCuration(file, bytes);
}

/** A YAML document with the 1-based line where each of its nodes starts. */
interface Located {
  readonly data: unknown;
  /** Line of each mapping and list. */
  readonly lineOfNode: WeakMap<object, number>;
  /** Every scalar (keys too), in document order, with its line. */
  readonly scalars: readonly { readonly value: unknown; readonly line: number }[];
}

/** Load YAML under the JSON schema, noting where each node starts (js-yaml reports it to a listener). */
function loadLocated(text: string, file: string): Located {
  const lineOfNode = new WeakMap<object, number>();
  const scalars: { value: unknown; line: number }[] = [];
  const opened: number[] = [];
  const listener = (event: 'open' | 'close', state: { line: number; result: unknown }): void => {
    if (event === 'open') {
      opened.push(state.line + 1);
      return;
    }
    const line = opened.pop() ?? 1;
    if (state.result !== null && typeof state.result === 'object') {
      if (!lineOfNode.has(state.result)) lineOfNode.set(state.result, line);
    } else scalars.push({ value: state.result, line });
  };
  const data = yaml.load(text, { schema: yaml.JSON_SCHEMA, filename: file, listener: listener as never });
  return { data, lineOfNode, scalars };
}

/** Check the curation file's bytes. Exported for tests. */
export function parseCuration(file: string, bytes: Uint8Array): { curation: Curation; problems: Problem[] } {
  const problems: Problem[] = [];
  const report = (severity: Problem['severity'], message: string, line?: number): void => {
    problems.push({ file, ...(line === undefined ? {} : { line }), message, severity });
  };
  const error = (message: string, line?: number): void => report('error', message, line);
  const decoded = decodeText(bytes);
  if ('error' in decoded) {
    error(decoded.error, decoded.line);
    return { curation: EMPTY, problems };
  }
  for (const n of decoded.notes) report('warning', n.message, n.line);
  let doc: Located;
  try {
    doc = loadLocated(decoded.text, file);
  } catch (e) {
    const err = e as { mark?: { line?: number }; reason?: string };
    error(`is not valid YAML (${err.reason ?? 'syntax error'}): fix the line (quote a name that contains \`: \` or starts with a special character)`, err.mark?.line === undefined ? undefined : err.mark.line + 1);
    return { curation: EMPTY, problems };
  }
  const { data } = doc;
  if (data === null || data === undefined) return { curation: EMPTY, problems };
  if (typeof data !== 'object' || Array.isArray(data)) {
    error('must be a mapping with `entities:` and `ignore:` lists', 1);
    return { curation: EMPTY, problems };
  }
  const root = data as Record<string, unknown>;
  const nodeLine = (node: unknown): number | undefined => (node !== null && typeof node === 'object' ? doc.lineOfNode.get(node) : undefined);
  /** Line of the first scalar equal to `value` in lines [from, to). */
  const scalarLine = (value: unknown, from = 1, to = Infinity): number | undefined => doc.scalars.find((s) => s.value === value && s.line >= from && s.line < to)?.line;

  const rawEntities = root['entities'] ?? [];
  if (!Array.isArray(rawEntities)) error('`entities:` must be a list of entries, each starting with `- name:`', scalarLine('entities'));
  const list: unknown[] = Array.isArray(rawEntities) ? rawEntities : [];
  const entities: CuratedEntity[] = [];
  /** Where each kept entity is written: its first line and the line after its last. */
  const span = new Map<CuratedEntity, { from: number; to: number }>();
  const roleLine = new Map<CuratedRole, number>();
  const entryLines = list.map((e) => nodeLine(e));
  for (const [index, raw] of list.entries()) {
    const from = entryLines[index] ?? scalarLine('entities') ?? 1;
    const to = entryLines.slice(index + 1).find((l) => l !== undefined) ?? Infinity;
    const keyLine = (key: string): number => scalarLine(key, from, to) ?? from;
    const entry = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : null;
    const name = typeof entry?.['name'] === 'string' ? entry['name'].trim() : '';
    if (!entry || !name) {
      error(`entity number ${index + 1} has no \`name:\`: start each entry with \`- name: Canonical Name\``, from);
      continue;
    }
    const kind = entry['kind'];
    if (!isEntityKind(kind)) {
      error(kind === undefined || kind === null ? `\`${name}\` has no \`kind:\`: add \`kind: person\`, \`organization\` or \`place\`` : `\`${name}\` has kind \`${String(kind)}\`: use person, organization or place`, kind === undefined ? from : keyLine('kind'));
      continue;
    }
    for (const key of Object.keys(entry)) {
      if (!ENTRY_KEYS.includes(key)) report('warning', `\`${name}\`: key \`${key}\` is unknown and ignored (known: ${ENTRY_KEYS.join(', ')})`, keyLine(key));
    }
    const strings = (key: string): string[] => {
      const v = entry[key];
      if (v === undefined || v === null) return [];
      if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v.map((x: string) => x.trim()).filter(Boolean);
      error(`\`${name}\`: \`${key}\` must be a list of texts, like \`${key}: [One, Two]\``, keyLine(key));
      return [];
    };
    const optional = (key: string): string | undefined => {
      const v = entry[key];
      if (v === undefined || v === null) return undefined;
      if (typeof v === 'string' && v.trim()) return v.trim();
      error(`\`${name}\`: \`${key}\` must be a text`, keyLine(key));
      return undefined;
    };
    const roles: CuratedRole[] = [];
    const rawRoles = entry['roles'] ?? [];
    if (!Array.isArray(rawRoles)) error(`\`${name}\`: \`roles\` must be a list of \`- title: …\` / \`organization: …\` entries`, keyLine('roles'));
    for (const r of Array.isArray(rawRoles) ? rawRoles : []) {
      const role = r !== null && typeof r === 'object' ? (r as Record<string, unknown>) : null;
      const title = typeof role?.['title'] === 'string' ? role['title'].trim() : '';
      const organization = typeof role?.['organization'] === 'string' ? role['organization'].trim() : '';
      if (!title || !organization) {
        error(`\`${name}\`: each role needs a \`title:\` and an \`organization:\``, nodeLine(r) ?? keyLine('roles'));
        continue;
      }
      const kept = { title, organization };
      roles.push(kept);
      roleLine.set(kept, nodeLine(r) ?? keyLine('roles'));
    }
    const wikidata = optional('wikidata');
    if (wikidata !== undefined && !/^Q\d+$/.test(wikidata)) error(`\`${name}\`: wikidata id \`${wikidata}\` must look like Q123`, keyLine('wikidata'));
    const description = optional('description');
    const partOf = optional('partOf');
    const entity: CuratedEntity = {
      name,
      kind,
      aliases: strings('aliases'),
      roles,
      ...(description === undefined ? {} : { description }),
      ...(wikidata === undefined ? {} : { wikidata }),
      ...(partOf === undefined ? {} : { partOf }),
    };
    entities.push(entity);
    span.set(entity, { from, to });
  }
  /** Line of `value` written under `key` in the entry of `e` (the entry's line if not found). */
  const lineIn = (e: CuratedEntity, value: string, key?: string): number | undefined => {
    const { from, to } = span.get(e) ?? { from: 1, to: Infinity };
    const at = key === undefined ? from : scalarLine(key, from, to) ?? from;
    return scalarLine(value, at, to) ?? at;
  };

  // One name, one entity: a name or alias may not stand for two entries.
  const owner = new Map<string, CuratedEntity>();
  for (const e of entities) {
    const seen = new Set<string>();
    for (const n of [e.name, ...e.aliases]) {
      const k = nameKey(n);
      if (seen.has(k)) continue;
      seen.add(k);
      const prev = owner.get(k);
      if (prev === undefined) owner.set(k, e);
      else if (n === e.name && nameKey(prev.name) === k) error(`\`${e.name}\` is listed twice (lines ${span.get(prev)?.from} and ${span.get(e)?.from}): merge the two entries into one`, lineIn(e, n, 'name'));
      else {
        const theirs = [prev.name, ...prev.aliases].find((x) => nameKey(x) === k) ?? prev.name;
        error(`the name \`${n}\` stands for both \`${prev.name}\` (line ${lineIn(prev, theirs, theirs === prev.name ? 'name' : 'aliases')}) and \`${e.name}\`: keep it on one of them`, lineIn(e, n, n === e.name ? 'name' : 'aliases'));
      }
    }
  }
  const curated = (name: string): CuratedEntity | undefined => owner.get(nameKey(name));
  for (const e of entities) {
    for (const r of e.roles) {
      const org = curated(r.organization);
      const line = scalarLine(r.organization, roleLine.get(r), span.get(e)?.to) ?? roleLine.get(r);
      if (org === undefined) error(`\`${e.name}\` has a role in \`${r.organization}\`, which is not a curated organization: add an entry for it with \`kind: organization\`, or fix the spelling`, line);
      else if (org.kind !== 'organization') error(`\`${e.name}\` has a role in \`${r.organization}\`, which is a ${org.kind}, not an organization`, line);
    }
    if (e.partOf === undefined) continue;
    const parent = curated(e.partOf);
    if (parent === undefined || parent.kind !== 'organization') error(`\`${e.name}\` is part of \`${e.partOf}\`, which is not a curated organization: add it, or fix the spelling`, lineIn(e, e.partOf, 'partOf'));
    else if (e.kind !== 'organization') error(`\`${e.name}\` is a ${e.kind}: only an organization can be \`partOf\` another`, lineIn(e, e.partOf, 'partOf'));
    else if (partOfCycle(e, curated)) error(`\`${e.name}\` is part of \`${e.partOf}\`, which is (through its own \`partOf\`) part of \`${e.name}\`: remove one \`partOf\``, lineIn(e, e.partOf, 'partOf'));
  }

  const rawIgnore = root['ignore'] ?? [];
  if (!Array.isArray(rawIgnore) || !rawIgnore.every((x) => typeof x === 'string')) error('`ignore:` must be a list of texts, like `ignore: [Town Hall, French]`', scalarLine('ignore'));
  const ignore = Array.isArray(rawIgnore) ? rawIgnore.filter((x): x is string => typeof x === 'string').map((x) => x.trim()).filter(Boolean) : [];
  const ignoreFrom = scalarLine('ignore') ?? 1;
  for (const text of ignore) {
    const e = curated(text);
    if (e) error(`\`${text}\` is both ignored and a name of \`${e.name}\`: remove it from \`ignore:\` or from the entry`, scalarLine(text, ignoreFrom) ?? scalarLine(text));
  }
  for (const key of Object.keys(root)) if (key !== 'entities' && key !== 'ignore') report('warning', `unknown key \`${key}\` is ignored (known: entities, ignore)`, scalarLine(key) ?? 1);
  return { curation: problems.some((p) => p.severity === 'error') ? EMPTY : { entities, ignore }, problems };
}

/** True when following `partOf` from `e` comes back to `e`. */
function partOfCycle(e: CuratedEntity, curated: (name: string) => CuratedEntity | undefined): boolean {
  const seen = new Set<CuratedEntity>([e]);
  for (let at = e.partOf === undefined ? undefined : curated(e.partOf); at; at = at.partOf === undefined ? undefined : curated(at.partOf)) {
    if (seen.has(at)) return at === e;
    seen.add(at);
  }
  return false;
}
