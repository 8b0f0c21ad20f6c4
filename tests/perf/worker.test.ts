/**
 * Extraction on two threads (src/extract/parallel.ts): the worker must make the records this thread
 * makes, in the order of the sources. `dossier build` uses it from 2,000 articles to extract, or for a
 * few while it reads 1,000 or more cache entries; here a smaller batch goes through it directly.
 */
import { describe, expect, it } from 'vitest';
import type { ArticleRecord, Curation, Source } from '../../src/model.ts';
import { readCuration, readSources } from '../../src/read/index.ts';
import { buildLexicon, extractArticle } from '../../src/extract/index.ts';
import { Worker } from 'node:worker_threads';
import { ExtractionWorker, type FromWorker, type ToWorker } from '../../src/extract/parallel.ts';
import { buildArchive, tagger } from '../../src/build.ts';

/** The seed articles, their curation, and this thread's extraction of a source. */
async function seedsAndExtraction(): Promise<{ seeds: Source[]; curation: Curation; here: (s: Source) => ArticleRecord }> {
  const seeds = await readSources('content');
  const { curation } = await readCuration('content');
  const lexicon = buildLexicon(curation);
  return { seeds, curation, here: (s) => extractArticle(s, { tagger: tagger(), lexicon }) };
}

describe('extraction shared with a worker thread', () => {
  it('should give the records this thread gives, in the order of the sources', async () => {
    const { seeds, curation, here } = await seedsAndExtraction();
    // The seed articles, many times over under other names: enough for both threads to take some.
    const sources: Source[] = Array.from({ length: 40 }, (_, i) => seeds.map((s) => ({ ...s, file: `copy-${i}/${s.file}` }))).flat();
    const worker = ExtractionWorker.start();
    expect(worker, 'a worker thread could not be started').not.toBeNull();
    let onThisThread = 0;
    try {
      const records = await worker!.extractAll(sources, curation, (s) => {
        onThisThread++;
        return here(s);
      });
      expect(records.map((r) => r.file)).toEqual(sources.map((s) => s.file));
      expect(JSON.stringify(records)).toBe(JSON.stringify(sources.map(here)));
    } finally {
      worker!.close();
    }
    // How the sources split between the threads depends on timing (here about 70 of 120 on this
    // thread): not asserted. Whatever the split, the records above are the same.
    expect(onThisThread).toBeLessThanOrEqual(sources.length);
  }, 60_000);

  it('should run what this thread does meanwhile before it extracts any, and give the same records', async () => {
    const { seeds, curation, here } = await seedsAndExtraction();
    const worker = ExtractionWorker.start();
    expect(worker, 'a worker thread could not be started').not.toBeNull();
    const order: string[] = [];
    try {
      const records = await worker!.extractAll(
        seeds,
        curation,
        (s) => {
          order.push(`extract ${s.file}`);
          return here(s);
        },
        async () => {
          order.push('meanwhile');
        },
      );
      expect(JSON.stringify(records)).toBe(JSON.stringify(seeds.map(here)));
    } finally {
      worker!.close();
    }
    expect(order[0]).toBe('meanwhile');
    expect(order.filter((o) => o === 'meanwhile')).toHaveLength(1);
  }, 60_000);

  it('should load a model of its own when it is given none, and give the same records', async () => {
    const { seeds, curation, here } = await seedsAndExtraction();
    // The worker's side of the protocol, without this thread taking any source: every record is the worker's.
    const worker = new Worker(new URL('../../src/extract/worker-boot.mjs', import.meta.url));
    try {
      const messages: FromWorker[] = [];
      const done = new Promise<void>((resolve, reject) => {
        worker.on('message', (m: FromWorker) => {
          messages.push(m);
          if (m.type === 'done') resolve();
        });
        worker.on('error', reject);
        worker.on('exit', () => reject(new Error('the worker exited before it was done')));
      });
      worker.postMessage({ type: 'model', parts: null } satisfies ToWorker);
      worker.postMessage({ type: 'work', sources: seeds, curation, counter: new SharedArrayBuffer(4), chunk: 1 } satisfies ToWorker);
      await done;
      expect(messages.filter((m) => m.type === 'failed')).toEqual([]);
      const records = messages.flatMap((m) => (m.type === 'records' ? m.records : []));
      expect(JSON.stringify(records)).toBe(JSON.stringify(seeds.map(here)));
    } finally {
      await worker.terminate();
    }
  }, 60_000);

  it('should close a worker given to a build, whether the build used it or not', async () => {
    let closed = 0;
    let used = 0;
    const given = {
      extractAll: async () => {
        used++;
        return [];
      },
      close: () => {
        closed++;
      },
    };
    // Three articles, no cache: too few for a worker to pay, so the build extracts them here and closes the one it was given.
    const result = await buildArchive('content', { worker: given });
    expect(result.records).toHaveLength(3);
    expect(used).toBe(0);
    expect(closed).toBeGreaterThanOrEqual(1);
  }, 60_000);
});
