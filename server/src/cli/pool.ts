/**
 * Many files on every core (`check` and `summary`): the main thread and worker threads take
 * chunks of files from one queue (so a slow file never holds the others back) and the
 * results come back in the files' order. A worker that dies hands its files back to the main
 * thread: every file is still done, once. A task takes a path and plain-data options and
 * returns plain data (it crosses threads by structured clone).
 */
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { checkFile } from './check-file';
import { summaryInput } from './summary-file';
import { UsageError } from './args';

export type TaskName = 'check' | 'summary';
/** Each task's options type is its own; the pool passes them through untouched. */
const TASKS: Record<TaskName, (file: string, options: never) => Promise<unknown>> = { check: checkFile, summary: summaryInput };

const ROLE = 'nianbao-worker';
/**
 * Each thread warms its own JIT up (about as long as checking a few hundred reports cold), and
 * the garbage collector already runs beside the main thread: measured on 2 cores, 1,000 and
 * 3,000 reports take as long on two threads as on one. So `auto` uses threads only with 4 cores
 * or more, and only for enough files to pay each one's warm-up.
 */
const FILES_PER_WORKER = 200;
const MIN_CORES = 4;
const CHUNK = 8;

/** This bundle's own file, which workers run; undefined when running from sources (tests). */
function bundlePath(): string | undefined {
  return typeof __filename === 'string' && __filename.endsWith('.js') ? __filename : undefined;
}

/** Threads to use, the main one included (0 or 1: no workers), from `--concurrency`. */
export function workerCount(option: string | undefined, files: number): number {
  if (option === 'off') return 0;
  let n: number;
  if (option === undefined || option === 'auto') n = availableParallelism() >= MIN_CORES ? Math.min(availableParallelism(), Math.floor(files / FILES_PER_WORKER)) : 0;
  else {
    n = Number(option);
    if (!Number.isInteger(n) || n < 1) throw new UsageError(`--concurrency takes a number of threads, auto or off (got '${option}')`);
  }
  return n > 1 && bundlePath() ? n : 0;
}

/**
 * The task over every file, results in order: on `threads` threads (the main one included),
 * or on the main thread alone when `threads` < 2 (workerCount's 0). With `each`, every result
 * is handed to it as soon as it is done (in the order files finish) and none is kept: memory
 * stays flat in the number of files.
 */
export async function runFiles<T>(task: TaskName, files: string[], options: unknown, threads: number, each?: (outcome: T, index: number) => void): Promise<T[]> {
  const run = TASKS[task] as (file: string, options: unknown) => Promise<T>;
  const out: T[] = each ? [] : new Array(files.length);
  const done = (i: number, o: T) => (each ? each(o, i) : (out[i] = o));
  if (threads < 2) {
    for (let i = 0; i < files.length; i++) done(i, await run(files[i]!, options));
    return out;
  }
  let next = 0;
  const take = (): [number, number] | undefined => {
    if (next >= files.length) return undefined;
    const s = next;
    next = Math.min(files.length, next + CHUNK);
    return [s, next];
  };
  const orphaned: [number, number][] = [];
  const finished: Promise<void>[] = [];
  for (let w = 0; w < threads - 1; w++) {
    finished.push(
      new Promise<void>((resolve) => {
        const worker = new Worker(bundlePath()!, { workerData: { role: ROLE, task, options } });
        let held: [number, number] | undefined;
        const feed = () => {
          held = take();
          worker.postMessage(held ? { start: held[0], files: files.slice(held[0], held[1]) } : null);
        };
        worker.on('message', (m: { start: number; outcomes: T[] }) => {
          m.outcomes.forEach((o, i) => done(m.start + i, o));
          feed();
        });
        const lost = () => {
          if (held) orphaned.push(held);
          held = undefined;
          resolve();
        };
        worker.on('error', lost);
        worker.on('exit', lost);
        feed();
      }),
    );
  }
  // the main thread works too, yielding between chunks so that the workers are fed
  const runRange = async ([s, e]: [number, number]) => {
    for (let i = s; i < e; i++) done(i, await run(files[i]!, options));
  };
  for (let r = take(); r; r = take()) {
    await runRange(r);
    await new Promise((res) => setImmediate(res));
  }
  await Promise.all(finished);
  for (const r of orphaned) await runRange(r);
  return out;
}

/** True in a worker started by runFiles. */
export function isPoolWorker(): boolean {
  return !isMainThread && (workerData as { role?: string } | null)?.role === ROLE;
}

export function runWorker(): void {
  const { task, options } = workerData as { task: TaskName; options: unknown };
  const run = TASKS[task] as (file: string, options: unknown) => Promise<unknown>;
  parentPort!.on('message', async (m: { start: number; files: string[] } | null) => {
    if (!m) {
      parentPort!.close();
      return;
    }
    const outcomes: unknown[] = [];
    for (const f of m.files) outcomes.push(await run(f, options));
    parentPort!.postMessage({ start: m.start, outcomes });
  });
}
