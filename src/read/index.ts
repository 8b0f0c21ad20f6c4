export { readSources, readSource } from './sources.ts';
export { readCuration } from './curation.ts';
