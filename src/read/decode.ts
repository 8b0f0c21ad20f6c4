/** A line-level note from decoding: the text was readable, but something in it was changed. */
export interface DecodeNote {
  /** 1-based line. */
  readonly line: number;
  readonly message: string;
}

/** Text that can be trusted: strict UTF-8, no BOM, `\n` line endings, no control characters. */
export type Decoded = { readonly text: string; readonly notes: readonly DecodeNote[] } | { readonly error: string; readonly line: number };

// C0 controls but tab and line ends, DEL, and C1 controls: invisible, and not allowed in
// XML 1.0 (feeds, sitemaps) nor sensible in HTML. They come from pasting out of PDFs and
// word processors (form feed, vertical tab) or from text decoded twice (C1).
const CONTROLS = '[\\u0001-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f]';
const CONTROL = new RegExp(CONTROLS, 'u');
const CONTROL_ALL = new RegExp(CONTROLS, 'gu');

/**
 * Turn a file's bytes into text we can trust: strict UTF-8, no BOM, `\n` line endings.
 *
 * Line numbers are kept: CRLF and lone CR both become one `\n`. A NUL byte is an error (the
 * file is UTF-16 or binary); other control characters become spaces, each line noted.
 */
export function decodeText(bytes: Uint8Array): Decoded {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { error: 'is not valid UTF-8: save it as UTF-8 (most editors offer "Save with encoding"; in Word, "Plain Text" then "Unicode (UTF-8)")', line: lineOfFirstBadByte(bytes) };
  }
  // The decoder drops one BOM; files glued together can carry more.
  text = text.replace(/^\uFEFF+/u, '').replace(/\r\n?/g, '\n');
  const nul = text.indexOf('\u0000');
  if (nul >= 0) return { error: 'contains NUL bytes, so it is UTF-16 or a binary file, not text: save it as UTF-8 plain text', line: lineAt(text, nul) };
  const notes: DecodeNote[] = [];
  if (CONTROL.test(text)) {
    const lines = text.split('\n');
    lines.forEach((l, i) => {
      const found = [...new Set(l.match(CONTROL_ALL) ?? [])];
      if (found.length) notes.push({ line: i + 1, message: `has invisible control characters (${found.map(codePoint).join(', ')}), shown as spaces: delete them or retype the line` });
    });
    text = lines.map((l) => l.replace(CONTROL_ALL, ' ')).join('\n');
  }
  return { text, notes };
}

const codePoint = (c: string): string => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** 1-based line of the first byte sequence that is not UTF-8. */
function lineOfFirstBadByte(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    // CR alone ends a line too, as decodeText counts them.
    const cr = bytes[i] === 0x0d && bytes[i + 1] !== 0x0a;
    if (i === bytes.length || bytes[i] === 0x0a || cr) {
      try {
        decoder.decode(bytes.subarray(start, i));
      } catch {
        return line;
      }
      line++;
      start = i + 1;
    }
  }
  return 1;
}
