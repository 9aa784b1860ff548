/**
 * Runs tasks on this thread and on worker threads (jobs − 1 of them) and hands results back in task order as soon as
 * each next one is ready, so output is identical whatever the number of jobs. Tasks travel in chunks to amortise
 * message passing, which costs more than analysing a small isotherm.
 *
 * This thread works too rather than only collecting: an idle main isolate still cost a core's share of memory and
 * start-up, and on two cores two workers plus a busy collector gave 1.2–1.45× one thread; each worker isolate also
 * needs ~1,000 lots before its code is optimised. Each worker holds two chunks, so it has the next one while this
 * thread is busy with its own.
 */
import { Worker } from 'node:worker_threads';

export interface PoolOptions<TTask, TResult> {
  tasks: readonly TTask[];
  jobs: number;
  /** The worker module (compiled JS) that answers {chunk: TTask[]} with {results: TResult[]}. */
  workerUrl: URL;
  /** Runs a task on this thread. */
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

/** Chunks a worker holds at once: the one it runs and the next. */
const IN_FLIGHT = 2;

export async function runPool<TTask, TResult>(options: PoolOptions<TTask, TResult>): Promise<void> {
  const { tasks, onResult } = options;
  const jobs = Math.max(1, Math.min(options.jobs, Math.ceil(tasks.length / 8) || 1));
  if (jobs === 1) {
    tasks.forEach((task, index) => onResult(options.runInline(task), index));
    options.afterResults?.();
    return;
  }
  // Small chunks keep every thread busy to the end; large ones amortise messaging.
  const chunkSize = options.chunkSize ?? Math.max(1, Math.min(64, Math.floor(tasks.length / (jobs * 8))));
  const chunkCount = Math.ceil(tasks.length / chunkSize);
  const chunkAt = (id: number): TTask[] => tasks.slice(id * chunkSize, (id + 1) * chunkSize);

  const ready = new Map<number, TResult>();
  let nextToEmit = 0;
  let nextChunk = 0;
  // A chunk's buffer goes back to a worker once every result in it has been handed on. Without this, the main
  // thread collected the transferred buffers only when their total forced a full GC and held them until then.
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
    options.afterResults?.();
  };

  await new Promise<void>((resolve, reject) => {
    const workers: Worker[] = [];
    let emitted = false;
    let failed = false;
    const fail = (error: Error): void => {
      if (failed) return;
      failed = true;
      for (const w of workers) void w.terminate();
      reject(error);
    };
    const settleIfDone = (): void => {
      if (failed || emitted || nextToEmit < tasks.length) return;
      emitted = true;
      Promise.all(workers.map((w) => w.terminate())).then(() => resolve(), fail);
    };
    const guarded = (step: () => void): void => {
      try {
        step();
        settleIfDone();
      } catch (error) {
        fail(error as Error);
      }
    };
    const feed = (worker: Worker): void => {
      if (nextChunk >= chunkCount) return;
      const id = nextChunk++;
      const buffer = spare.pop();
      worker.postMessage({ id, chunk: chunkAt(id), ...(buffer ? { spare: buffer } : {}) } satisfies WorkerRequest<TTask>, buffer ? [buffer] : []);
    };
    // This thread runs one chunk per turn of the event loop, so worker replies are taken between its chunks.
    const runOwnChunk = (): void => {
      if (failed || nextChunk >= chunkCount) return;
      const id = nextChunk++;
      guarded(() => {
        chunkAt(id).forEach((task, k) => ready.set(id * chunkSize + k, options.runInline(task)));
        emit();
      });
      setImmediate(runOwnChunk);
    };
    for (let j = 1; j < jobs; j++) {
      const worker = new Worker(options.workerUrl, { workerData: options.workerData });
      workers.push(worker);
      worker.on('message', (message: WorkerResponse<TResult>) => {
        const start = message.id * chunkSize;
        message.results.forEach((result, k) => ready.set(start + k, result));
        if (message.buffer) buffers.set(message.id, message.buffer);
        guarded(() => {
          emit();
          feed(worker);
        });
      });
      worker.on('error', fail);
      for (let k = 0; k < IN_FLIGHT; k++) feed(worker);
    }
    setImmediate(runOwnChunk);
  });
}
