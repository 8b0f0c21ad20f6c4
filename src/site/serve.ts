import path from 'node:path';
import Eleventy from '@11ty/eleventy';
import { PACKAGE_ROOT } from './write.ts';

/** `dossier serve`: Eleventy's dev server with live reload; the archive is rebuilt on every change. */
export async function serveSite(contentDir: string, port: number): Promise<void> {
  process.env['DOSSIER_CONTENT'] = contentDir;
  process.chdir(PACKAGE_ROOT);
  const eleventy = new Eleventy('templates', path.join(PACKAGE_ROOT, '_site'), {
    configPath: '.eleventy.ts',
    runMode: 'serve',
    config: (config) => config.setServerOptions({ port }),
  });
  // https://www.11ty.dev/docs/programmatic/: init before watch and serve.
  await eleventy.init();
  await eleventy.watch();
  await eleventy.serve(port);
}
