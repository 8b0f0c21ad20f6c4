/** `dossier ner --conll FILE`: tag a CoNLL file line for line. */
import { parseConll, relabelConll } from './conll.ts';
import { loadTagger, type Tagger } from './tagger.ts';

/**
 * Tag a CoNLL-format file (first column the token; blank lines between sentences; `-DOCSTART-`
 * lines between documents). Returns exactly one line per input line: `token<TAB>tag` (IOB2) for
 * token lines, blank and `-DOCSTART-` lines unchanged, a trailing newline kept if there was one.
 */
export function tagConll(input: string, tagger: Tagger = loadTagger()): string {
  const layout = parseConll(input);
  const tags = tagger.tagDocuments(layout.docs.map((d) => d.map((s) => s.tokens)));
  return relabelConll(input, layout, tags);
}
