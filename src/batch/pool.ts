/**
 * Runs tasks on worker threads (one per job) and hands results back in task order as soon as each next one is ready,
 * so output is identical whatever the number of jobs. Tasks travel in chunks to amortise message passing, which costs
 * more than analysing a small isotherm. With one job everything runs in this thread.
 */
import { Worker } from 'node:worker_threads';

export interface PoolOptions<TTask, TResult> {
  tasks: readonly TTask[];
  jobs: number;
  /** The worker module (compiled JS) that answers {chunk: TTask[]} with {results: TResult[]}. */
  workerUrl: URL;
  /** Used when jobs = 1. */
  runInline: (task: TTask) => TResult;
  /** Called once per task, in task order. */
  onResult: (result: TResult, index: number) => void;
  /** Called after each batch of results has been handed on (e.g. to flush output). */
  afterResults?: () => void;
  /** Given to every worker as its `workerData`. */
  workerData?: unknown;
  chunkSize?: number;
}

export interface WorkerRequest<TTask> {
  id: number;
  chunk: TTask[];
  /** A buffer the worker sent earlier, whose contents have been used: handed back for reuse. */
  spare?: ArrayBuffer;
}

export interface WorkerResponse<TResult> {
  id: number;
  results: TResult[];
  /** Transferred memory the results point into (their encoded output). */
  buffer?: ArrayBuffer;
}

export async function runPool<TTask, TResult>(options: PoolOptions<TTask, TResult>): Promise<void> {
  const { tasks, onResult } = options;
  const jobs = Math.max(1, Math.min(options.jobs, Math.ceil(tasks.length / 8) || 1));
  if (jobs === 1) {
    tasks.forEach((task, index) => onResult(options.runInline(task), index));
    options.afterResults?.();
    return;
  }
  // Small chunks keep all workers busy to the end; large ones amortise messaging.
  const chunkSize = options.chunkSize ?? Math.max(1, Math.min(64, Math.floor(tasks.length / (jobs * 8))));
  const chunks: { start: number; tasks: TTask[] }[] = [];
  for (let start = 0; start < tasks.length; start += chunkSize) chunks.push({ start, tasks: tasks.slice(start, start + chunkSize) });

  const ready = new Map<number, TResult>();
  let nextToEmit = 0;
  let nextChunk = 0;
  // A chunk's buffer goes back to a worker once every result in it has been handed on. Without this, the main
  // thread (which allocates little) collected the transferred buffers only when their total forced a full GC,
  // every ~100 ms, and held them until then.
  const buffers = new Map<number, ArrayBuffer>();
  const spare: ArrayBuffer[] = [];
  const emit = (): void => {
    while (ready.has(nextToEmit)) {
      const result = ready.get(nextToEmit)!;
      ready.delete(nextToEmit);
      onResult(result, nextToEmit++);
      const chunk = Math.floor((nextToEmit - 1) / chunkSize);
      const buffer = buffers.get(chunk);
      if (buffer && (nextToEmit % chunkSize === 0 || nextToEmit === tasks.length)) {
        spare.push(buffer);
        buffers.delete(chunk);
      }
    }
  };

  await new Promise<void>((resolve, reject) => {
    const workers: Worker[] = [];
    let active = 0;
    let failed = false;
    const finish = (error?: Error): void => {
      if (failed) return;
      if (error) {
        failed = true;
        for (const w of workers) void w.terminate();
        reject(error);
        return;
      }
      if (--active === 0) resolve();
    };
    const feed = (worker: Worker): void => {
      if (nextChunk >= chunks.length) {
        void worker.terminate().then(() => finish());
        return;
      }
      const id = nextChunk++;
      const buffer = spare.pop();
      worker.postMessage({ id, chunk: chunks[id]!.tasks, ...(buffer ? { spare: buffer } : {}) } satisfies WorkerRequest<TTask>, buffer ? [buffer] : []);
    };
    for (let j = 0; j < jobs; j++) {
      const worker = new Worker(options.workerUrl, { workerData: options.workerData });
      workers.push(worker);
      active++;
      worker.on('message', (message: WorkerResponse<TResult>) => {
        const start = chunks[message.id]!.start;
        message.results.forEach((result, k) => ready.set(start + k, result));
        if (message.buffer) buffers.set(message.id, message.buffer);
        try {
          emit();
          options.afterResults?.();
        } catch (error) {
          finish(error as Error);
          return;
        }
        feed(worker);
      });
      worker.on('error', (error) => finish(error));
      feed(worker);
    }
  });
}
