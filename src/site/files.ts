/** Many small file operations on a site folder, a few at a time (`write.ts`, `search.ts`). */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';

/** Run `task` over `items`, 64 at a time: thousands of small file operations, without thousands of open handles. */
export async function inBatches<T>(items: readonly T[], task: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += 64) await Promise.all(items.slice(i, i + 64).map(task));
}

/** The folders inside `root` that `files` (relative to it) go into, made once each. */
export async function makeFolders(root: string, files: readonly string[]): Promise<void> {
  await inBatches([...new Set(files.map((f) => path.dirname(path.join(root, f))))], (dir) => mkdir(dir, { recursive: true }));
}
