/**
 * The benchmark's synthetic archive: real news text (the documents of the CoNLL-2003 training
 * file, Reuters 1996) turned into articles, repeated with other dates and ids to reach any size.
 *
 * The Reuters text may not be committed: callers write it into a temporary folder only.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** One source document: its first sentence as headline, the others as paragraphs. */
export interface CorpusDoc {
  readonly headline: string;
  readonly paragraphs: readonly string[];
}

/** Tokens written without a space before them. */
const CLOSE = new Set(['.', ',', ';', ':', '!', '?', ')', ']', '}', '%', "'s", "'S", "n't", "N'T", "'re", "'ve", "'ll", "'d", "'m", "'", "''", '...']);
/** Tokens written without a space after them. */
const OPEN = new Set(['(', '[', '{', '$', '`', '``']);

/** Join CoNLL tokens into text as a newspaper would print it: `( Reuters )` → `(Reuters)`, `" said "` → `"said"`. */
export function detokenize(tokens: readonly string[]): string {
  let out = '';
  let quoteOpen = false;
  let glueNext = true;
  for (const raw of tokens) {
    const tok = raw === '``' || raw === "''" ? '"' : raw;
    let glue = glueNext || CLOSE.has(raw);
    glueNext = OPEN.has(raw);
    if (tok === '"') {
      // Straight quotes alternate: an opening one sticks to the next word, a closing one to the last.
      if (quoteOpen) glue = true;
      else glueNext = true;
      quoteOpen = !quoteOpen;
    }
    out += glue ? tok : ` ${tok}`;
  }
  return out.trim();
}

/**
 * Parse a CoNLL-2003 file in which each document *ends* with a `-DOCSTART-` line:
 * the token is the first column, a blank line ends a sentence.
 *
 * Documents with fewer than two sentences (no body under the headline) are left out.
 */
export function parseDocs(text: string): CorpusDoc[] {
  const docs: CorpusDoc[] = [];
  let sentences: string[] = [];
  let tokens: string[] = [];
  const endSentence = (): void => {
    if (tokens.length) sentences.push(detokenize(tokens));
    tokens = [];
  };
  for (const line of text.split('\n')) {
    if (line.startsWith('-DOCSTART-')) {
      endSentence();
      if (sentences.length >= 2) docs.push({ headline: sentences[0]!, paragraphs: sentences.slice(1) });
      sentences = [];
    } else if (line.trim() === '') endSentence();
    else tokens.push(line.split(' ')[0]!);
  }
  return docs;
}

export async function readDocs(conllFile: string): Promise<CorpusDoc[]> {
  return parseDocs(await readFile(conllFile, 'utf8'));
}

/** The `i`-th article of the synthetic archive: which document, which id, which date. */
export function articleAt(docs: readonly CorpusDoc[], i: number): { id: string; date: string; doc: CorpusDoc } {
  const doc = docs[i % docs.length]!;
  const copy = Math.floor(i / docs.length);
  // Spread over ten years, so that copies of one text get other dates.
  const day = new Date(Date.UTC(1990, 0, 1) + ((i * 7919) % 3653) * 86_400_000);
  return { id: `c${copy}-d${String(i % docs.length).padStart(4, '0')}`, date: day.toISOString().slice(0, 10), doc };
}

/** YAML-safe scalar: JSON strings are YAML strings. */
const yamlString = (s: string): string => JSON.stringify(s);

/** Markdown body: one paragraph per sentence, characters that Markdown would read as markup escaped. */
export function markdownBody(doc: CorpusDoc): string {
  return doc.paragraphs.map((p) => p.replace(/([\\`*_[\]<>#|])/g, '\\$1').replace(/^(\d+)\./u, '$1\\.').replace(/^([-+])/u, '\\$1')).join('\n\n');
}

/**
 * Write `n` articles twice: `content/articles/<id>.md` for Dossier (front matter: id, headline, date)
 * and `pages/<id>.md` for the plain-Eleventy baseline (front matter: title, date, layout), same bodies.
 */
export async function writeCorpus(docs: readonly CorpusDoc[], n: number, root: string): Promise<{ content: string; pages: string }> {
  const content = path.join(root, 'content');
  const pages = path.join(root, 'pages');
  await mkdir(path.join(content, 'articles'), { recursive: true });
  await mkdir(pages, { recursive: true });
  for (let i = 0; i < n; i += 200) {
    await Promise.all(Array.from({ length: Math.min(200, n - i) }, async (_, j) => {
      const { id, date, doc } = articleAt(docs, i + j);
      const body = markdownBody(doc);
      await writeFile(path.join(content, 'articles', `${id}.md`), `---\nid: ${id}\nheadline: ${yamlString(doc.headline)}\ndate: ${date}\n---\n${body}\n`);
      await writeFile(path.join(pages, `${id}.md`), `---\ntitle: ${yamlString(doc.headline)}\ndate: ${date}\nlayout: page.njk\n---\n${body}\n`);
    }));
  }
  return { content, pages };
}
