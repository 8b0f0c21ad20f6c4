export { readSources, readSource, readArticleFiles, sourceOf, withUniqueIds, idClashes, type ArticleFile } from './sources.ts';
export { readCuration } from './curation.ts';
