import matter from 'gray-matter';
import yaml from 'js-yaml';
import type { FrontMatter, Problem } from '../model.ts';
import { isArticleId } from './id.ts';

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

const STRING_FIELDS = ['id', 'headline', 'author', 'source', 'sourceUrl', 'originalFile', 'language', 'translatedFrom', 'summary'] as const;
const LIST_FIELDS = ['people', 'organizations', 'places'] as const;
const KNOWN = [...STRING_FIELDS, 'date', ...LIST_FIELDS].join(', ');

export interface SplitResult {
  readonly frontMatter: FrontMatter;
  readonly body: string;
  /** 1-based line of the body's first line in the file. */
  readonly bodyLine: number;
  readonly problems: readonly Problem[];
}

const refuse = (): never => {
  throw new Error('only YAML front matter is read; JavaScript is never run');
};

/**
 * gray-matter options: YAML under the JSON schema, and every other engine refused.
 * gray-matter 4 `eval`s a `---js` block with its default engines; passing options also skips its cache.
 */
const MATTER_OPTIONS = {
  engines: {
    // gray-matter hands the engine the text after the fence's line break: drop it to keep line numbers.
    yaml: (input: string): object => (yaml.load(input.replace(/^\n/, ''), { schema: yaml.JSON_SCHEMA }) ?? {}) as object,
    js: refuse,
    javascript: refuse,
    coffee: refuse,
    coffeescript: refuse,
    cson: refuse,
    toml: refuse,
    json: refuse,
  },
};

/** Parse the YAML between the fences with gray-matter (fences already checked here). */
function parseYamlBlock(yamlText: string): unknown {
  return matter(`---\n${yamlText}\n---\n`, MATTER_OPTIONS).data;
}

/** The opening fence: `---`, maybe followed by a language name (`---js`, `--- yaml`). */
const OPEN = /^---(?!-)[ \t]*([A-Za-z][\w.+-]*)?[ \t]*$/;
/** A closing fence: `---`, or YAML's document end `...`. */
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/;

/**
 * Split a file's text into checked front matter and body.
 *
 * The fences are found here, not by gray-matter: it closes the block on any line that merely
 * starts with `---`, and a fence naming another language is refused before anything is parsed.
 * The YAML between them is read by gray-matter with our engines only (js-yaml, JSON schema, so
 * `date:` stays a string); its JavaScript engine is replaced by one that refuses.
 */
export function splitFrontMatter(file: string, text: string): SplitResult {
  const lines = text.split('\n');
  // Blank lines before the opening fence are a paste accident, not a body.
  let open = 0;
  while (open < lines.length && lines[open]!.trim() === '') open++;
  const fence = OPEN.exec(lines[open] ?? '');
  if (!fence) return { frontMatter: {}, body: text, bodyLine: 1, problems: [] };
  const fail = (message: string, line: number): SplitResult => ({ frontMatter: {}, body: '', bodyLine: 1, problems: [{ file, line, message, severity: 'error' }] });
  const language = (fence[1] ?? '').toLowerCase();
  if (language !== '' && language !== 'yaml' && language !== 'yml') {
    return fail(`front matter in \`${fence[1]}\` is refused, and never run: only YAML is read; write \`---\` alone on the first line and \`key: value\` lines below it`, open + 1);
  }
  let close = open + 1;
  while (close < lines.length && !CLOSE.test(lines[close]!)) close++;
  if (close >= lines.length) {
    return fail(`front matter opened by the \`---\` on line ${open + 1} is never closed: add a line with only \`---\` after the last \`key: value\` line (or delete line ${open + 1} if it is not front matter)`, open + 1);
  }
  const firstYamlLine = open + 2;
  let data: unknown;
  try {
    data = parseYamlBlock(lines.slice(open + 1, close).join('\n'));
  } catch (e) {
    const err = e as { mark?: { line?: number }; reason?: string };
    const line = err.mark?.line === undefined ? open + 1 : Math.min(firstYamlLine + err.mark.line, close + 1);
    return fail(`front matter is not valid YAML (${err.reason ?? 'syntax error'}): fix the \`key: value\` lines between the \`---\` lines (quote a value that contains \`: \` or starts with a special character)`, line);
  }
  const body = lines.slice(close + 1).join('\n');
  const bodyLine = close + 2;
  if (data === null || data === undefined) return { frontMatter: {}, body, bodyLine, problems: [] };
  if (typeof data !== 'object' || Array.isArray(data)) {
    return fail('front matter must be `key: value` lines (a YAML mapping), not a list or a single value', firstYamlLine);
  }
  const lineOf = (key: string): number => {
    for (let i = open + 1; i < close; i++) if (lines[i]!.startsWith(`${key}:`) || lines[i]!.startsWith(`"${key}":`) || lines[i]!.startsWith(`'${key}':`)) return i + 1;
    return open + 1;
  };
  const problems: Problem[] = [];
  const fm: Record<string, unknown> = {};
  const error = (key: string, message: string): void => {
    problems.push({ file, line: lineOf(key), message, severity: 'error' });
  };
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    if (value === null || value === undefined) continue;
    if ((STRING_FIELDS as readonly string[]).includes(key)) {
      if (typeof value !== 'string' || value.trim() === '') error(key, `front matter \`${key}\` must be a non-empty text, not ${describe(value)}`);
      else {
        const s = value.trim();
        const bad = checkString(key, s);
        if (bad) error(key, bad);
        else fm[key] = s;
      }
    } else if (key === 'date') {
      const s = typeof value === 'number' ? String(value) : value;
      if (typeof s !== 'string' || !isPartialIsoDate(s.trim())) error(key, `front matter \`date\` must be YYYY, YYYY-MM or YYYY-MM-DD naming a real date, not ${describe(value)}: write e.g. \`date: 2021-05-19\``);
      else fm[key] = s.trim();
    } else if ((LIST_FIELDS as readonly string[]).includes(key)) {
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && v.trim() !== '')) error(key, `front matter \`${key}\` must be a list of names, not ${describe(value)}: write e.g. \`${key}: [First Name, Other Name]\``);
      else fm[key] = value.map((v: string) => v.trim());
    } else if (key === 'permalink') {
      const escapes = typeof value !== 'string' || /(^|[\\/])\.\.([\\/]|$)|^[\\/]|^[a-z]+:|\0/i.test(value);
      problems.push({
        file,
        line: lineOf(key),
        message: escapes
          ? `front matter \`permalink: ${String(value)}\` is refused: it would write outside the site folder; remove it (Dossier puts each article at articles/<id>/; choose <id> with \`id:\`)`
          : 'front matter `permalink` is ignored: Dossier puts each article at articles/<id>/; choose <id> with `id:`',
        severity: escapes ? 'error' : 'warning',
      });
    } else {
      problems.push({ file, line: lineOf(key), message: `front matter key \`${key}\` is unknown and ignored (known: ${KNOWN})`, severity: 'warning' });
    }
  }
  return { frontMatter: fm as FrontMatter, body, bodyLine, problems };
}

/** What is wrong with a text field's value, or null. */
function checkString(key: string, value: string): string | null {
  if (key === 'id' && !isArticleId(value)) {
    return `front matter \`id: ${value}\` must be lower-case letters, digits and single hyphens, like \`police-protest-2021\`: it becomes the article's folder, so it may not contain \`/\`, \`..\` or spaces`;
  }
  if (key === 'sourceUrl' && !/^https?:\/\/[^\s<>"]+$/i.test(value)) {
    return `front matter \`sourceUrl\` must be a web address starting with http:// or https://, not \`${value}\`: it becomes a link`;
  }
  return null;
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `\`${JSON.stringify(value)}\``;
}
