/**
 * Stage timings of a build, printed to stderr when `DOSSIER_TIMINGS` is set (`npm run bench`'s
 * "where the time goes"). Off by default: nothing is measured or printed.
 */
const on = Boolean(process.env['DOSSIER_TIMINGS']);
const start = performance.now();
let last = start;

/** Note that `stage` just ended: `dossier: timing <stage> <ms since the last mark> (<ms since start-up>)`. */
export function mark(stage: string): void {
  if (!on) return;
  const now = performance.now();
  process.stderr.write(`dossier: timing ${stage.padEnd(24)} ${(now - last).toFixed(0).padStart(6)} ms (${now.toFixed(0)} ms since start-up)\n`);
  last = now;
}
