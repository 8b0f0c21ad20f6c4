/**
 * An extraction worker thread (started by `parallel.ts` through `worker-boot.mjs`): loads the
 * tagger once, then extracts the sources it claims from the shared counter, and posts the records.
 */
import { parentPort } from 'node:worker_threads';
import { loadTagger } from '../ner/index.ts';
import { extractArticle } from './article.ts';
import { buildLexicon } from './lexicon.ts';
import type { Source } from '../model.ts';
import type { FromWorker, ToWorker } from './parallel.ts';

/** Times at most the invented article is extracted before work arrives: a few tenths of a second. */
const WARM_UP_RUNS = 20;

/** An invented article with something for every extractor: names, roles, quotes, demands, dates. */
const WARM_UP: Source = {
  file: 'articles/warm-up.txt',
  frontMatter: { date: '2021-03-04' },
  problems: [],
  blocks: [
    { kind: 'paragraph', line: 1, text: 'Harbour workers walk out in Brestville' },
    { kind: 'paragraph', line: 3, text: 'BRESTVILLE 2021-03-04' },
    { kind: 'paragraph', line: 5, text: 'Dock workers at the port of Brestville walked out on Tuesday, the Federation of Harbour Workers (FHW) said. Its general secretary, Jane Roe, called for an end to night shifts and demanded that the Port Authority hire 40 more crane drivers by March 2022.' },
    { kind: 'paragraph', line: 7, text: '“We will not load a single ship at night until the shifts are cut,” Roe told reporters outside the harbour office on Wednesday. John Doe, director of the Brestville Port Authority, said talks would resume next week.' },
    { kind: 'heading', line: 9, text: 'What the union wants' },
    { kind: 'paragraph', line: 11, text: 'The union demands:' },
    { kind: 'item', line: 12, text: '- shorter night shifts' },
    { kind: 'item', line: 13, text: '- a pay rise of 3% from 1 April 2021' },
  ],
};

const port = parentPort;
if (!port) throw new Error('worker.ts runs in a worker thread');
const post = (message: FromWorker): void => port.postMessage(message);

// Load the tagger before any work arrives, and until it does, run the extractor on an invented
// article so that its code is compiled and optimised: the main thread is still reading the sources.
const tagger = loadTagger();
const warmUp = buildLexicon({ entities: [], ignore: [] });
let working = false;
let warmed = 0;
const warm = (): void => {
  if (working || warmed >= WARM_UP_RUNS) return;
  extractArticle(WARM_UP, { tagger, lexicon: warmUp });
  warmed++;
  // One run at a time, so that work that arrives is not kept waiting.
  setImmediate(warm);
};
setImmediate(warm);

port.on('message', (message: ToWorker) => {
  working = true;
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

