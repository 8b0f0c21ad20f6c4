/** Where the committed model lives. */
import { join } from 'node:path';
import { SRC } from '../root.ts';

export const DEFAULT_MODEL_PATH = join(SRC, 'ner', 'model.bin.gz');
