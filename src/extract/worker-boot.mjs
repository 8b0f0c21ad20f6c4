// Entry of an extraction worker thread (see `parallel.ts`). A worker does not inherit loader hooks
// that the main thread registered in code (bin/dossier.js, vitest), so it registers tsx itself,
// as bin/dossier.js does, before loading the TypeScript of the extractor; and, as bin/dossier.js
// does, it first loads the extractor's heaviest npm dependencies with Node's own loader (faster).
await Promise.all(['chrono-node/en', '@sindresorhus/slugify'].map((m) => import(m)));
const { register } = await import('tsx/esm/api');
register();
await import('./worker.ts');
