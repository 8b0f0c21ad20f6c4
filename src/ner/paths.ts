/** Where the committed model lives. */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEFAULT_MODEL_PATH = join(dirname(fileURLToPath(import.meta.url)), 'model.bin.gz');
