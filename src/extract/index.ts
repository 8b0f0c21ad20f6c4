export { extractArticle, type ExtractOptions } from './article.ts';
export { buildLexicon, type Lexicon } from './lexicon.ts';
export { type NameTagger } from './tagger.ts';
