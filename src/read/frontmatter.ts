import matter from 'gray-matter';
import yaml from 'js-yaml';
import type { FrontMatter, Problem } from '../model.ts';

const refuse = (): never => {
  throw new Error('JavaScript front matter is never run: use YAML (a block between two `---` lines)');
};

/**
 * gray-matter options: YAML under the JSON schema (so `date:` stays a string), and no JavaScript.
 *
 * gray-matter 4 evaluates a `---js` fence with `eval` unless its engine is replaced.
 * Passing options also bypasses gray-matter's shared cache.
 */
const options = {
  engines: {
    yaml: (input: string): object => (yaml.load(input, { schema: yaml.JSON_SCHEMA }) ?? {}) as object,
    js: refuse,
    javascript: refuse,
    coffee: refuse,
    coffeescript: refuse,
    cson: refuse,
  },
};

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** True for `YYYY`, `YYYY-MM` or `YYYY-MM-DD` naming a real calendar date. */
export function isPartialIsoDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const [, y, mo, d] = m;
  if (mo === undefined) return true;
  const month = Number(mo);
  if (month < 1 || month > 12) return false;
  if (d === undefined) return true;
  const day = Number(d);
  const last = new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
  return day >= 1 && day <= last;
}

const STRING_FIELDS = ['id', 'headline', 'source', 'sourceUrl', 'originalFile', 'language', 'translatedFrom', 'summary'] as const;
const LIST_FIELDS = ['people', 'organizations', 'places'] as const;

export interface SplitResult {
  readonly frontMatter: FrontMatter;
  readonly body: string;
  /** 1-based line of the body's first line in the file. */
  readonly bodyLine: number;
  readonly problems: readonly Problem[];
}

/** Split a file's text into checked front matter and body. */
export function splitFrontMatter(file: string, text: string): SplitResult {
  const problems: Problem[] = [];
  const error = (message: string, line?: number): SplitResult => ({
    frontMatter: {},
    body: '',
    bodyLine: 1,
    problems: [{ file, ...(line === undefined ? {} : { line }), message, severity: 'error' }],
  });
  if (!/^---/.test(text)) return { frontMatter: {}, body: text, bodyLine: 1, problems };
  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = matter(text, options);
  } catch (e) {
    const err = e as { mark?: { line?: number }; reason?: string; message?: string };
    if (err.mark?.line !== undefined) {
      return error(`front matter is not valid YAML (${err.reason ?? 'syntax error'}): fix the YAML between the \`---\` lines`, err.mark.line + 2);
    }
    const message = err.message ?? String(e);
    if (/JavaScript front matter|engine/.test(message)) {
      return error(`front matter in another language than YAML is refused, and never run: use a YAML block between \`---\` lines`, 1);
    }
    return error(`front matter could not be read: ${message}`, 1);
  }
  const bodyLine = countLines(text.slice(0, text.length - parsed.content.length));
  const data: unknown = parsed.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return error('front matter must be a YAML mapping of `key: value` lines', 2);
  }
  const record = data as Record<string, unknown>;
  const lineOf = (key: string): number => lineOfKey(text, key);
  const fm: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (value === null || value === undefined) continue;
    if ((STRING_FIELDS as readonly string[]).includes(key)) {
      if (typeof value !== 'string' || value.trim() === '') {
        problems.push({ file, line: lineOf(key), message: `front matter \`${key}\` must be a non-empty text, not ${describe(value)}`, severity: 'error' });
      } else fm[key] = value.trim();
    } else if (key === 'date') {
      const s = typeof value === 'number' ? String(value) : value;
      if (typeof s !== 'string' || !isPartialIsoDate(s.trim())) {
        problems.push({ file, line: lineOf(key), message: `front matter \`date\` must be YYYY, YYYY-MM or YYYY-MM-DD (a real date), not ${describe(value)}`, severity: 'error' });
      } else fm[key] = s.trim();
    } else if ((LIST_FIELDS as readonly string[]).includes(key)) {
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && v.trim() !== '')) {
        problems.push({ file, line: lineOf(key), message: `front matter \`${key}\` must be a list of names, not ${describe(value)}`, severity: 'error' });
      } else fm[key] = value.map((v: string) => v.trim());
    } else {
      problems.push({ file, line: lineOf(key), message: `front matter key \`${key}\` is unknown and ignored (known: ${[...STRING_FIELDS, 'date', ...LIST_FIELDS].join(', ')})`, severity: 'warning' });
    }
  }
  return { frontMatter: fm as FrontMatter, body: parsed.content, bodyLine, problems };
}

function countLines(prefix: string): number {
  let n = 1;
  for (const ch of prefix) if (ch === '\n') n++;
  return n;
}

function lineOfKey(text: string, key: string): number {
  const lines = text.split('\n');
  const i = lines.findIndex((l, idx) => idx > 0 && l.startsWith(`${key}:`));
  return i < 0 ? 1 : i + 1;
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `\`${JSON.stringify(value)}\``;
}
