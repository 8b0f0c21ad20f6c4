/**
 * Turn a file's bytes into text we can trust: strict UTF-8, no BOM, `\n` line endings.
 *
 * Line numbers are kept: CRLF and lone CR both become one `\n`.
 */
export function decodeText(bytes: Uint8Array): { text: string } | { error: string; line: number } {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const line = lineOfFirstBadByte(bytes);
    return { error: 'is not valid UTF-8: save it as UTF-8 (most editors offer "Save with encoding")', line };
  }
  return { text: text.replace(/\r\n?/g, '\n') };
}

/** 1-based line of the first byte sequence that is not UTF-8. */
function lineOfFirstBadByte(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
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
