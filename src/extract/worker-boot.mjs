// Entry of an extraction worker thread (see `parallel.ts`). A worker does not inherit loader hooks
// that the main thread registered in code (bin/dossier.js, vitest), so it registers tsx itself,
// as bin/dossier.js does, before loading the TypeScript of the extractor.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
