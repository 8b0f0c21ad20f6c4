import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Archive } from '../model.ts';
import { archiveCsvFiles } from './csv.ts';
import { SRC } from '../root.ts';

/** The JSON Schema of `data/archive.json`, kept in the repository beside this file. */
export const ARCHIVE_SCHEMA = path.join(SRC, 'site', 'archive.schema.json');

/**
 * Write the downloads that sit beside `data/archive.json` in `siteDir`: its JSON Schema and one
 * CSV file per kind of record (`data/articles.csv`, `data/people.csv`, …).
 */
export async function writeDownloads(archive: Archive, siteDir: string): Promise<void> {
  const dir = path.join(siteDir, 'data');
  await mkdir(dir, { recursive: true });
  await copyFile(ARCHIVE_SCHEMA, path.join(dir, 'archive.schema.json'));
  await Promise.all(Object.entries(archiveCsvFiles(archive)).map(([name, csv]) => writeFile(path.join(dir, name), csv)));
}
