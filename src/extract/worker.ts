/**
 * An extraction worker thread (started by `parallel.ts` through `worker-boot.mjs`): takes the
 * main thread's model (or loads its own), then extracts the sources it claims from the shared counter,
 * and posts the records.
 */
import { parentPort } from 'node:worker_threads';
import { loadDefaultModel, taggerFor, type Tagger } from '../ner/tagger.ts';
import { modelFromParts } from '../ner/model-io.ts';
import { extractArticle } from './article.ts';
import { buildLexicon } from './lexicon.ts';
import type { FromWorker, ToWorker } from './parallel.ts';

const port = parentPort;
if (!port) throw new Error('worker.ts runs in a worker thread');
const post = (message: FromWorker): void => port.postMessage(message);

let tagger: Tagger | null = null;

port.on('message', (message: ToWorker) => {
  if (message.type === 'model') {
    // The main thread's model, or, when it has none to share, the same model loaded here.
    tagger = taggerFor(message.parts ? modelFromParts(message.parts) : loadDefaultModel());
    return;
  }
  if (!tagger) throw new Error('work before the model');
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
