/**
 * Extraction on a second thread: a worker that shares the sources with
 * this thread, each taking the next few from a shared counter until none are left. The records
 * are the ones this thread would make (extraction is deterministic), in the order of the sources.
 *
 * It pays for large batches, or for a few articles while this thread has other work (reading the
 * cache's entries: `meanwhile`): a worker takes about 0.06 s to start from the compiled bundle (half a
 * second from the TypeScript, through tsx), about a second more of work before its code is compiled
 * and its caches filled, and the records it makes must be copied back. It tags with the main thread's
 * model, whose weights are in shared memory: loaded once, held once (75 MB); or, for a few articles
 * while the main thread has other work, with its own (`extractAll`).
 */
import { Worker } from 'node:worker_threads';
import type { ArticleRecord, Curation, Source } from '../model.ts';
import { modelParts, type ModelParts } from '../ner/model-io.ts';
import { loadDefaultModel } from '../ner/tagger.ts';
import { COMPILED, compiledEntry } from '../root.ts';

/** What the main thread sends a worker: first the tagger's model, then the work. */
export type ToWorker = { readonly type: 'model'; readonly parts: ModelParts | null } | Work;

/** Every source, and the counter both threads take from. */
export interface Work {
  readonly type: 'work';
  readonly sources: readonly Source[];
  readonly curation: Curation;
  /** One Int32: the index of the next source nobody has taken. */
  readonly counter: SharedArrayBuffer;
  readonly chunk: number;
}

/** What a worker sends back. */
export type FromWorker =
  | { readonly type: 'records'; readonly from: number; readonly records: ArticleRecord[] }
  /** Extraction threw in `[from, to)`: the main thread does those again. */
  | { readonly type: 'failed'; readonly from: number; readonly to: number }
  | { readonly type: 'done' };

/** Sources taken at a time: small enough for both threads to finish together, large enough to keep messages few. */
const CHUNK = 16;

/** A worker thread for extraction. */
export class ExtractionWorker {
  private readonly worker: Worker;
  /** Settles when the worker stops for good: it exited or failed to start. */
  private readonly stopped: Promise<void>;
  private onMessage: ((m: FromWorker) => void) | null = null;
  private modelSent = false;

  private constructor() {
    // Compiled, the bundle's worker entry; from the sources, a boot file that registers tsx.
    this.worker = new Worker(COMPILED ? compiledEntry('worker.js') : new URL('./worker-boot.mjs', import.meta.url));
    // It must never keep the process alive, nor crash it.
    this.worker.unref();
    this.stopped = new Promise((resolve) => {
      this.worker.on('error', () => resolve());
      this.worker.on('exit', () => resolve());
    });
    this.worker.on('message', (m: FromWorker) => this.onMessage?.(m));
  }

  /**
   * Start a worker; null where threads cannot be started. It loads its modules (about 0.08 s) on its own
   * thread: started before the work is known (`dossier build`, after a previous build, starts one before it reads the content),
   * it is ready when the work comes. Unused, it never keeps the process alive; `close` it when done.
   */
  static start(): ExtractionWorker | null {
    try {
      return new ExtractionWorker();
    } catch {
      return null;
    }
  }

  /**
   * Extract `sources` on this thread and the worker together; `extract` is this thread's
   * extraction. This thread first runs `meanwhile`, if given, while the worker starts on them.
   * Should the worker fail, this thread extracts what it left.
   *
   * `model`: `shared`, the worker tags with this thread's model, whose weights are shared, not loaded twice;
   * `own`, it loads its own, on its thread, while this one runs `meanwhile`: for a few sources that this
   * thread will likely leave to the worker, and so never load a model for (after an edit: 0.05 s sooner).
   */
  async extractAll(sources: readonly Source[], curation: Curation, extract: (source: Source) => ArticleRecord, meanwhile?: () => Promise<void>, model: 'shared' | 'own' = 'shared'): Promise<ArticleRecord[]> {
    const records = new Array<ArticleRecord | undefined>(sources.length);
    // Kept unreferenced between batches (it must not keep the process alive), but this thread
    // now waits for its messages.
    this.worker.ref();
    const counter = new SharedArrayBuffer(4);
    const next = new Int32Array(counter);
    let done = false;
    const finished = new Promise<void>((resolve) => {
      this.onMessage = (m) => {
        if (m.type === 'records') m.records.forEach((r, k) => (records[m.from + k] = r));
        else if (m.type === 'done') resolve();
      };
      void this.stopped.then(() => resolve());
    }).then(() => (done = true));
    try {
      // This thread loads the model (if it has not yet) when there is work, not before: a build may have none.
      if (!this.modelSent) this.worker.postMessage({ type: 'model', parts: model === 'shared' ? modelParts(loadDefaultModel()) : null } satisfies ToWorker);
      this.modelSent = true;
      this.worker.postMessage({ type: 'work', sources, curation, counter, chunk: CHUNK } satisfies ToWorker);
    } catch {
      // Could not be sent (a value that cannot be cloned, a model that cannot be loaded): do it all here, where
      // such a model fails extraction the same way.
      Atomics.store(next, 0, sources.length);
      this.close();
      done = true;
    }
    await meanwhile?.();
    for (let from = Atomics.add(next, 0, CHUNK); from < sources.length; from = Atomics.add(next, 0, CHUNK)) {
      const to = Math.min(from + CHUNK, sources.length);
      for (let i = from; i < to; i++) records[i] = extract(sources[i]!);
      // Let the worker's records in as they come, rather than all at the end.
      if (!done) await new Promise<void>((resolve) => setImmediate(resolve));
    }
    await finished;
    this.onMessage = null;
    this.worker.unref();
    // Whatever the worker took and did not return (it failed, or extraction threw there).
    return records.map((r, i) => r ?? extract(sources[i]!));
  }

  /** Stop the worker. */
  close(): void {
    void this.worker.terminate();
  }
}
