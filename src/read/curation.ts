import { readFile } from 'node:fs/promises';
import path from 'node:path';
import yaml from 'js-yaml';
import { isEntityKind, type CuratedEntity, type CuratedRole, type Curation, type Problem } from '../model.ts';
import { nameKey } from '../text/normalize.ts';
import { decodeText } from './decode.ts';

export const CURATION_FILE = 'entities.yaml';

const EMPTY: Curation = { entities: [], ignore: [] };

/**
 * Read and check `content/entities.yaml`, the editor's file.
 *
 * A missing file is an empty curation; a contradiction (one alias on two entities,
 * an unknown kind, a role naming no curated organization) is an error naming the line.
 */
export async function readCuration(contentDir: string): Promise<{ curation: Curation; problems: Problem[] }> {
  const file = CURATION_FILE;
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path.join(contentDir, file));
  } catch {
    return { curation: EMPTY, problems: [] };
  }
  return parseCuration(file, bytes);
}

/** Check the curation file's bytes. Exported for tests. */
export function parseCuration(file: string, bytes: Uint8Array): { curation: Curation; problems: Problem[] } {
  const problems: Problem[] = [];
  const error = (message: string, line?: number): void => {
    problems.push({ file, ...(line === undefined ? {} : { line }), message, severity: 'error' });
  };
  const decoded = decodeText(bytes);
  if ('error' in decoded) {
    error(decoded.error, decoded.line);
    return { curation: EMPTY, problems };
  }
  const text = decoded.text;
  let data: unknown;
  try {
    data = yaml.load(text, { schema: yaml.JSON_SCHEMA, filename: file });
  } catch (e) {
    const err = e as { mark?: { line?: number }; reason?: string };
    error(`is not valid YAML (${err.reason ?? 'syntax error'})`, err.mark?.line === undefined ? undefined : err.mark.line + 1);
    return { curation: EMPTY, problems };
  }
  if (data === null || data === undefined) return { curation: EMPTY, problems };
  if (typeof data !== 'object' || Array.isArray(data)) {
    error('must be a mapping with `entities:` and `ignore:` lists', 1);
    return { curation: EMPTY, problems };
  }
  const root = data as Record<string, unknown>;
  const lines = text.split('\n');
  /** Line of the first occurrence of `needle` at or after line `from` (1-based). */
  const lineOf = (needle: string, from = 1): number | undefined => {
    for (let i = Math.max(0, from - 1); i < lines.length; i++) if (lines[i]?.includes(needle)) return i + 1;
    return undefined;
  };

  const entities: CuratedEntity[] = [];
  const rawEntities = root['entities'] ?? [];
  if (!Array.isArray(rawEntities)) error('`entities:` must be a list of entries starting with `- name:`', lineOf('entities:'));
  for (const [index, raw] of (Array.isArray(rawEntities) ? rawEntities : []).entries()) {
    const entry = raw as Record<string, unknown> | null;
    const name = typeof entry?.['name'] === 'string' ? entry['name'].trim() : '';
    const line = name ? lineOf(`name: ${name}`) ?? lineOf(name) : undefined;
    if (!entry || typeof entry !== 'object' || !name) {
      error(`entity number ${index + 1} has no \`name:\``);
      continue;
    }
    const kind = entry['kind'];
    if (!isEntityKind(kind)) {
      error(`\`${name}\` has kind \`${String(kind)}\`; use person, organization or place`, lineOf('kind:', line ?? 1));
      continue;
    }
    const strings = (key: string): string[] => {
      const v = entry[key];
      if (v === undefined || v === null) return [];
      if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v.map((x: string) => x.trim()).filter(Boolean);
      error(`\`${name}\`: \`${key}\` must be a list of texts`, lineOf(`${key}:`, line ?? 1));
      return [];
    };
    const optional = (key: string): string | undefined => {
      const v = entry[key];
      if (v === undefined || v === null) return undefined;
      if (typeof v === 'string' && v.trim()) return v.trim();
      error(`\`${name}\`: \`${key}\` must be a text`, lineOf(`${key}:`, line ?? 1));
      return undefined;
    };
    const roles: CuratedRole[] = [];
    const rawRoles = entry['roles'] ?? [];
    for (const r of Array.isArray(rawRoles) ? rawRoles : []) {
      const role = r as Record<string, unknown> | null;
      if (typeof role?.['title'] !== 'string' || typeof role['organization'] !== 'string') {
        error(`\`${name}\`: each role needs \`title:\` and \`organization:\``, lineOf('roles:', line ?? 1));
        continue;
      }
      roles.push({ title: role['title'].trim(), organization: role['organization'].trim() });
    }
    if (!Array.isArray(rawRoles)) error(`\`${name}\`: \`roles\` must be a list`, lineOf('roles:', line ?? 1));
    const wikidata = optional('wikidata');
    if (wikidata !== undefined && !/^Q\d+$/.test(wikidata)) error(`\`${name}\`: wikidata id \`${wikidata}\` must look like Q123`, lineOf('wikidata:', line ?? 1));
    const description = optional('description');
    const partOf = optional('partOf');
    entities.push({
      name,
      kind,
      aliases: strings('aliases'),
      roles,
      ...(description === undefined ? {} : { description }),
      ...(wikidata === undefined ? {} : { wikidata }),
      ...(partOf === undefined ? {} : { partOf }),
    });
  }

  // One name, one entity: an alias may not stand for two entries.
  const owner = new Map<string, string>();
  for (const e of entities) {
    for (const n of new Set([e.name, ...e.aliases].map(nameKey))) {
      const prev = owner.get(n);
      if (prev !== undefined && prev !== e.name) error(`the name \`${n}\` belongs to both \`${prev}\` and \`${e.name}\`: keep it on one of them`, lineOf(n) ?? lineOf(e.name));
      else owner.set(n, e.name);
    }
  }
  const orgs = new Set(entities.filter((e) => e.kind === 'organization').flatMap((e) => [e.name, ...e.aliases].map(nameKey)));
  for (const e of entities) {
    for (const r of e.roles) {
      if (!orgs.has(nameKey(r.organization))) error(`\`${e.name}\` has a role in \`${r.organization}\`, which is not a curated organization: add it to entities.yaml`, lineOf(r.organization) ?? lineOf(e.name));
    }
    if (e.partOf !== undefined && !orgs.has(nameKey(e.partOf))) error(`\`${e.name}\` is part of \`${e.partOf}\`, which is not a curated organization`, lineOf(`partOf: ${e.partOf}`));
  }

  const rawIgnore = root['ignore'] ?? [];
  const ignore = Array.isArray(rawIgnore) ? rawIgnore.filter((x): x is string => typeof x === 'string').map((x) => x.trim()) : [];
  if (!Array.isArray(rawIgnore)) error('`ignore:` must be a list of texts', lineOf('ignore:'));
  for (const key of Object.keys(root)) if (key !== 'entities' && key !== 'ignore') problems.push({ file, line: lineOf(`${key}:`) ?? 1, message: `unknown key \`${key}\` is ignored (known: entities, ignore)`, severity: 'warning' });
  return { curation: problems.some((p) => p.severity === 'error') ? EMPTY : { entities, ignore }, problems };
}
