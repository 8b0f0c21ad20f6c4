/**
 * An extraction worker thread (started by `parallel.ts` through `worker-boot.mjs`): loads the
 * tagger once, then extracts the sources it claims from the shared counter, and posts the records.
 */
import { parentPort } from 'node:worker_threads';
import { loadTagger } from '../ner/index.ts';
import { extractArticle } from './article.ts';
import { buildLexicon } from './lexicon.ts';
import type { FromWorker, ToWorker } from './parallel.ts';

const port = parentPort;
if (!port) throw new Error('worker.ts runs in a worker thread');
const post = (message: FromWorker): void => port.postMessage(message);

// Load the tagger before any work arrives: the main thread is still reading the sources.
const tagger = loadTagger();

port.on('message', (message: ToWorker) => {
  const { sources, curation, counter, chunk } = message;
  const lexicon = buildLexicon(curation);
  const next = new Int32Array(counter);
  for (let from = Atomics.add(next, 0, chunk); from < sources.length; from = Atomics.add(next, 0, chunk)) {
    const to = Math.min(from + chunk, sources.length);
    const records = [];
    for (let i = from; i < to; i++) {
      try {
        records.push(extractArticle(sources[i]!, { tagger, lexicon }));
      } catch {
        // The main thread extracts this chunk again, and meets the error itself.
        post({ type: 'failed', from, to });
        records.length = 0;
        break;
      }
    }
    if (records.length > 0) post({ type: 'records', from, records });
  }
  post({ type: 'done' });
});
