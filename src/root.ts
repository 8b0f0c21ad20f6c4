/**
 * Where this package's files are, whether its code runs from `src/` (through tsx, vitest) or
 * compiled into `dist/<hash>/` by `bin/compile.js`: code must find its data files (the model, the
 * templates, the schema) from here, never relative to its own file, which moves when compiled.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));

/** The folder of `package.json`: the nearest one above this file's (`src/`, or `dist/<hash>/`). */
export const PACKAGE_ROOT = ((): string => {
  for (let dir = HERE; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`dossier: no package.json above ${HERE}`);
  }
})();

/** The package's `src/` folder: the TypeScript sources, and data files kept beside them. */
export const SRC = path.join(PACKAGE_ROOT, 'src');

/** The site's templates. */
export const TEMPLATES = path.join(PACKAGE_ROOT, 'templates');

/**
 * True when this code was compiled into one bundle (`bin/compile.js`); false when it runs from its
 * TypeScript sources. The bundle's entry points sit beside this file's compiled code.
 */
export const COMPILED = !import.meta.url.endsWith('.ts');

/** An entry point of the compiled bundle (`cli.js`, `eleventy.js`, `worker.js`), as a path. Only when `COMPILED`. */
export const compiledEntry = (name: string): string => path.join(HERE, name);
