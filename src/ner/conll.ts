/** Reading and writing CoNLL files: one token a line, blank lines between sentences, `-DOCSTART-` between documents. */

/** A sentence of a CoNLL file: its tokens and, when the file has them, the tags of its last column. */
export interface ConllSentence {
  tokens: string[];
  tags: string[];
}

/** A document: its sentences. */
export type ConllDoc = ConllSentence[];

/** Position of each token line of a file: document, sentence and token index per line (or null). */
export interface ConllLayout {
  docs: ConllDoc[];
  /** For each input line: `[doc, sentence, token]` for a token line, null for a blank or `-DOCSTART-` line. */
  lines: ([number, number, number] | null)[];
}

const isDocStart = (line: string): boolean => line.trimStart().startsWith('-DOCSTART-');

/**
 * Parse a CoNLL file. Documents are split at `-DOCSTART-` lines, wherever they stand (start or end
 * of a document); empty documents are dropped. Columns are separated by white space; the first is
 * the token, the last (when there are two or more) the tag.
 */
export function parseConll(input: string): ConllLayout {
  const docs: ConllDoc[] = [];
  const lines: ConllLayout['lines'] = [];
  let doc: ConllDoc = [];
  let sent: ConllSentence | null = null;
  const endSentence = (): void => {
    if (sent && sent.tokens.length > 0) doc.push(sent);
    sent = null;
  };
  const endDoc = (): void => {
    endSentence();
    if (doc.length > 0) docs.push(doc);
    doc = [];
  };
  const raw = input.split(/\r?\n/u);
  if (raw.length > 0 && raw[raw.length - 1] === '') raw.pop();
  for (const line of raw) {
    if (isDocStart(line)) {
      endDoc();
      lines.push(null);
      continue;
    }
    const cols = line.trim().split(/\s+/u);
    if (line.trim() === '') {
      endSentence();
      lines.push(null);
      continue;
    }
    if (!sent) sent = { tokens: [], tags: [] };
    const s: ConllSentence = sent;
    lines.push([docs.length, doc.length, s.tokens.length]);
    s.tokens.push(cols[0]!);
    s.tags.push(cols.length > 1 ? cols[cols.length - 1]! : 'O');
  }
  endDoc();
  return { docs, lines };
}

/** Parse a CoNLL file into documents. */
export function readConll(input: string): ConllDoc[] {
  return parseConll(input).docs;
}

/** Write documents in the two-column form `token<TAB>tag`, `-DOCSTART-` before each document. */
export function writeConll(docs: ConllDoc[]): string {
  const out: string[] = [];
  for (const doc of docs) {
    out.push('-DOCSTART-\tO', '');
    for (const s of doc) {
      s.tokens.forEach((t, i) => out.push(`${t}\t${s.tags[i] ?? 'O'}`));
      out.push('');
    }
  }
  return out.join('\n');
}

/**
 * Re-emit `input` line for line with new tags: token lines become `token<TAB>tag`, blank and
 * `-DOCSTART-` lines are copied unchanged, and a trailing newline is kept if there was one.
 */
export function relabelConll(input: string, layout: ConllLayout, tags: string[][][]): string {
  const raw = input.split(/\r?\n/u);
  const trailing = raw.length > 0 && raw[raw.length - 1] === '';
  if (trailing) raw.pop();
  const out = raw.map((line, i) => {
    const at = layout.lines[i];
    if (!at) return line;
    const [d, s, t] = at;
    const token = layout.docs[d]![s]!.tokens[t]!;
    return `${token}\t${tags[d]?.[s]?.[t] ?? 'O'}`;
  });
  return out.join('\n') + (trailing ? '\n' : '');
}
