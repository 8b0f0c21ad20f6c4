/**
 * Run one build as a child process and measure it: wall time, and peak memory (maximum
 * resident set size) through `/usr/bin/time -v` when the machine has it (Debian package `time`),
 * else through a small Node wrapper that runs the script in its own process and reports
 * `process.resourceUsage().maxRSS` on exit (`BENCH_TIME=/nonexistent` forces that way).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const GNU_TIME = process.env['BENCH_TIME'] ?? '/usr/bin/time';

/** How peak memory is measured on this machine. */
export const RSS_METHOD = existsSync(GNU_TIME) ? '/usr/bin/time -v (maximum resident set size)' : 'process.resourceUsage().maxRSS in a Node wrapper';

/** A measured run. */
export interface Sample {
  readonly ms: number;
  /** Peak resident set size of the build process, in KiB (the largest of it and the children it waited for, with `time -v`). */
  readonly rssKiB: number;
  readonly stdout: string;
}

// Runs `script` with `args` in this process, as `node script args` would, and writes the peak RSS to `$BENCH_RSS_FILE`.
const WRAPPER = `
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
const [script, ...args] = process.argv.slice(1);
process.argv = [process.argv[0], script, ...args];
process.on('exit', () => writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)));
await import(pathToFileURL(script).href);
`;

/** Run `node script ...args` in `cwd`; throw with its output when it fails. */
export async function runNode(script: string, args: readonly string[], cwd: string): Promise<Sample> {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'dossier-bench-rss-'));
  const statsFile = path.join(tmp, 'stats');
  const [cmd, argv] = existsSync(GNU_TIME)
    ? [GNU_TIME, ['-v', '-o', statsFile, process.execPath, script, ...args]]
    : [process.execPath, ['--input-type=module', '-e', WRAPPER, script, ...args]];
  // What the builds before it wrote goes to disk first, untimed: else the kernel writes it back while this build
  // runs, on the same two cores (a cold build's 23,000 files expire from the page cache about 30 s later, when the
  // edit after it is timed). Where there is no `sync`, nothing happens.
  spawnSync('sync', { stdio: 'ignore' });
  const started = performance.now();
  const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(cmd, argv, { cwd, env: { ...process.env, BENCH_RSS_FILE: statsFile }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => { out = (out + d.toString()).slice(-20_000); });
    child.stderr.on('data', (d: Buffer) => { err = (err + d.toString()).slice(-20_000); });
    child.on('error', reject);
    child.on('close', (c) => resolve({ code: c, stdout: out, stderr: err }));
  });
  const ms = performance.now() - started;
  try {
    if (code !== 0) throw new Error(`${path.basename(script)} ${args.join(' ')} exited with ${code}:\n${stderr.slice(-4000)}`);
    const stats = await readFile(statsFile, 'utf8');
    const rssKiB = existsSync(GNU_TIME) ? Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(stats)?.[1]) : Number(stats);
    return { ms, rssKiB, stdout };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
