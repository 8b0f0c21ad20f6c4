/** Named-entity tagger of Dossier (CoNLL-2003 types PER, ORG, LOC, MISC). See README.md. */
export { loadTagger, taggerFor, type Tagger } from './tagger.ts';
export { tagConll } from './tag-conll.ts';
export { tokenize, type Token } from './tokenize.ts';
export { readConll, writeConll, parseConll, type ConllDoc, type ConllSentence } from './conll.ts';
