/** Where the CoNLL-2003 data lives: `../shared/ner/conll2003/` beside the repository, or `$DOSSIER_NER_DATA`. */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PACKAGE_ROOT } from '../root.ts';
import { readConll, type ConllDoc } from './conll.ts';

/** Root of the repository. */
export const REPO_ROOT = PACKAGE_ROOT;

/** Folder holding `eng.train` and `eng.testa`. `DOSSIER_NER_DATA` may name it or a folder containing `conll2003/`. */
export function dataDir(): string {
  const env = process.env['DOSSIER_NER_DATA'];
  const base = env ? resolve(REPO_ROOT, env) : join(REPO_ROOT, '..', 'shared', 'ner', 'conll2003');
  if (!existsSync(join(base, 'eng.train')) && existsSync(join(base, 'conll2003', 'eng.train'))) return join(base, 'conll2003');
  return base;
}

/** Read one split (`eng.train`, `eng.testa`, ...) of the data. */
export function readSplit(name: string): ConllDoc[] {
  const path = join(dataDir(), name);
  if (!existsSync(path)) {
    throw new Error(`NER data not found at ${path}: put the CoNLL-2003 files in ../shared/ner/conll2003/ beside the repository, or set DOSSIER_NER_DATA`);
  }
  return readConll(readFileSync(path, 'utf8'));
}
