import { hash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { UserConfig } from '@11ty/eleventy';

/** The parts of a Nunjucks environment and template we use. */
interface NunjucksTemplate {
  render(data: object, callback: (error: Error | null, result: string) => void): void;
}
type NunjucksTemplateClass = new (src: string, env: object, path: string | null, eagerCompile: boolean) => NunjucksTemplate;

/** Nunjucks' compiler: a template's source to the JavaScript that renders it (`nunjucks/src/compiler.js`). */
type Compile = (src: string, asyncFilters: readonly string[], extensions: readonly { readonly __name?: string }[] | undefined, name: string | null, opts?: object) => string;

// Eleventy's own copy of Nunjucks: the environment it builds is an instance of that copy's classes.
const nunjucksRequire = createRequire(createRequire(import.meta.url).resolve('@11ty/eleventy'));
const { Template } = nunjucksRequire('nunjucks') as { Template: NunjucksTemplateClass };
/**
 * Nunjucks' compiler module and Nunjucks' version, which are not part of its public API: should another version lay
 * them out otherwise, templates are compiled as they come, and not kept.
 */
const compiler = ((): { module: { compile: Compile }; version: string } | null => {
  try {
    const module = nunjucksRequire('nunjucks/src/compiler') as { compile?: unknown };
    const { version } = nunjucksRequire('nunjucks/package.json') as { version: string };
    return typeof module.compile === 'function' ? { module: module as { compile: Compile }, version } : null;
  } catch {
    return null;
  }
})();

/** Where compiled templates are kept between builds (`keepCompiledTemplates`), and those this process has. */
let codeDir: string | null = null;
let codes = new Map<string, string>();

/**
 * Keep the JavaScript that Nunjucks compiles each template to in `cacheDir`, for the next build by the same
 * code (`renderer`: `rendererHash`, which covers the templates, the code and the dependencies): every build
 * compiled the templates it renders again, 0.05 s of a build after an edit. A template is found by its
 * source, its name and the environment's options, so a changed template is compiled again. Only the folder
 * of `renderer` is kept in `cacheDir`. Null: compiled templates are kept in memory only.
 */
export function keepCompiledTemplates(cacheDir: string | null, renderer = ''): void {
  const dir = cacheDir === null ? null : path.join(cacheDir, renderer.slice(0, 16) || 'any');
  if (dir === codeDir) return;
  codeDir = dir;
  codes = new Map();
  if (cacheDir === null || dir === null) return;
  try {
    mkdirSync(dir, { recursive: true });
    for (const old of readdirSync(cacheDir)) if (path.join(cacheDir, old) !== dir) rmSync(path.join(cacheDir, old), { recursive: true, force: true });
  } catch {
    // A cache that cannot be written is no error: templates are compiled as they were.
    codeDir = null;
  }
}

// Every compile of a template goes through here: a page template's, an include's, a permalink's.
if (compiler) {
  const { module, version } = compiler;
  const compile = module.compile;
  module.compile = (src, asyncFilters, extensions, name, opts) => keptOrCompiled(compile, version, src, asyncFilters, extensions, name, opts);
}

function keptOrCompiled(compile: Compile, version: string, ...[src, asyncFilters, extensions, name, opts]: Parameters<Compile>): string {
  const key = hash('sha1', JSON.stringify([version, src, asyncFilters, (extensions ?? []).map((e) => e.__name ?? ''), name, opts ?? {}]), 'hex');
  let code = codes.get(key);
  const file = codeDir && path.join(codeDir, `${key}.js`);
  if (code === undefined && file) {
    try {
      code = readFileSync(file, 'utf8');
    } catch {
      // Not compiled yet.
    }
  }
  if (code === undefined) {
    code = compile(src, asyncFilters, extensions, name, opts);
    if (file) {
      try {
        // Whole or not at all: a build cut short leaves no half-written template for the next to run.
        writeFileSync(`${file}.${process.pid}.tmp`, code);
        renameSync(`${file}.${process.pid}.tmp`, file);
      } catch {
        // Kept in memory, compiled again by the next build.
      }
    }
  }
  codes.set(key, code);
  return code;
}

/** `addExtension` and `amendLibrary`, which Eleventy's published types leave out. */
interface ExtensionConfig {
  addExtension(extension: string, options: object): void;
  amendLibrary(engine: string, amend: (library: object) => void): void;
}

/**
 * Compile each Nunjucks template once per build, not once per page.
 *
 * Eleventy 3.1 turned its compile cache off for Nunjucks and compiles a template again for every
 * page of a pagination: with 10,000 entity pages, 10,000 compiles of one template (and of its
 * permalink and computed-data strings), a sixth of a large build. This override compiles the way
 * Eleventy's Nunjucks engine does (a `Template` of Eleventy's environment, named by the file, so
 * that includes and errors resolve the same) and lets Eleventy's compile cache keep the result. The
 * cache is keyed by the config, which is new for every build, so nothing outlives a build.
 * https://www.11ty.dev/docs/languages/custom/#compileoptions
 */
export default function nunjucksCompileCache(eleventyConfig: UserConfig): void {
  const config = eleventyConfig as unknown as ExtensionConfig;
  let env: object | undefined;
  config.amendLibrary('njk', (library) => {
    env = library;
  });
  config.addExtension('njk', {
    key: 'njk',
    // `permalink: true`: permalink strings stay templates, as they are without the override.
    compileOptions: { cache: true, permalink: true },
    compile(source: string, inputPath: string) {
      if (!env) throw new Error('nunjucksCompileCache: Eleventy has not built its Nunjucks environment');
      const template = new Template(source, env, inputPath, true);
      return (data: object): Promise<string> =>
        new Promise((resolve, reject) => template.render(data, (error, result) => (error ? reject(error) : resolve(result))));
    },
  });
}
