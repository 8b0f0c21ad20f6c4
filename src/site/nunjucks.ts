import { createRequire } from 'node:module';
import type { UserConfig } from '@11ty/eleventy';

/** The parts of a Nunjucks environment and template we use. */
interface NunjucksTemplate {
  render(data: object, callback: (error: Error | null, result: string) => void): void;
}
type NunjucksTemplateClass = new (src: string, env: object, path: string | null, eagerCompile: boolean) => NunjucksTemplate;

// Eleventy's own copy of Nunjucks: the environment it builds is an instance of that copy's classes.
const { Template } = createRequire(createRequire(import.meta.url).resolve('@11ty/eleventy'))('nunjucks') as { Template: NunjucksTemplateClass };

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
