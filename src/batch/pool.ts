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
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { ReadAhead } from '../io/read-ahead.js';

/** What the pool needs of its tasks: how many, and a run of them. An array will do; a manifest builds them as asked. */
export interface TaskList<TTask> {
  readonly length: number;
  slice(start: number, end: number): TTask[];
}

export interface PoolOptions<TTask, TResult> {
  tasks: TaskList<TTask>;
  jobs: number;
  /** The worker module (compiled JS) that answers {chunk: TTask[]} with {results: TResult[]}, using runChunk. */
  workerUrl: URL;
  /** Runs a chunk of tasks on this thread, as a worker does (`spare`: a buffer to reuse for the results). */
  runChunk: (tasks: TTask[], spare?: ArrayBuffer) => ChunkResults<TResult>;
  /** Called once per task, in task order. */
  onResult: (result: TResult, index: number) => void;
  /** Called after each batch of results has been handed on (e.g. to flush output). */
  afterResults?: () => void;
  /** Given to every worker as its `workerData`. */
  workerData?: unknown;
  /** The most tasks a chunk holds (default 32): fewer where each result is large, since a chunk's results travel and wait for their turn together. */
  maxChunkSize?: number;
  /** The files a task will read: each chunk's are read ahead (io/read-ahead.ts) once the chunk before it is handed out. */
  inputFiles?: (task: TTask) => readonly string[];
}

export interface WorkerRequest<TTask> {
  id: number;
  chunk: TTask[];
  /** A buffer the worker sent earlier, whose contents have been used: handed back for reuse. */
  spare?: ArrayBuffer;
}

export interface ChunkResults<TResult> {
  results: TResult[];
  /** Memory the results point into (their encoded output); transferred when it comes from a worker. */
  buffer?: ArrayBuffer;
}

export interface WorkerResponse<TResult> extends ChunkResults<TResult> {
  id: number;
}

/** Chunks a worker holds at once: the one it runs and the next. */
const IN_FLIGHT = 2;

/**
 * Memory. A batch keeps ~20 MB live per isolate but churns through ~40 MB/s of short-lived records, and V8 let each
 * old generation grow to 4–5× its live size before collecting it (peak RSS 300 MB for main thread + one worker).
 * A fixed growing factor of 2 (V8 reads --heap-growing-percent at every limit it sets, so setting it now applies to
 * all isolates of the process) and a 12 MB young generation per worker hold 10,000 lots under ~200 MB at no
 * measurable cost in CPU (mark-compacts of ~20 MB take ~8 ms).
 */
const HEAP_GROWING_PERCENT = 100;
const WORKER_YOUNG_GENERATION_MB = 12;
/** Fewer tasks than this are read as they come: the read-ahead thread's start (~10 MB, a few ms) would not pay. */
const READ_AHEAD_MIN_TASKS = 64;

export async function runPool<TTask, TResult>(options: PoolOptions<TTask, TResult>): Promise<void> {
  const { tasks, onResult } = options;
  if (tasks.length === 0) {
    options.afterResults?.();
    return;
  }
  const jobs = Math.max(1, Math.min(options.jobs, Math.ceil(tasks.length / 8) || 1));
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  // Small chunks keep every thread busy to the end; large ones amortise messaging.
  const chunkSize = Math.max(1, Math.min(options.maxChunkSize ?? 32, Math.floor(tasks.length / (jobs * 8))));
  const chunkCount = Math.ceil(tasks.length / chunkSize);
  const sliceChunk = (id: number): TTask[] => tasks.slice(id * chunkSize, (id + 1) * chunkSize);

  // Read-ahead runs one chunk ahead of the chunks handed out: the next chunk's tasks are made when the current one is
  // handed out, its files sent to be read, and the tasks kept until it is handed out in turn.
  const { inputFiles } = options;
  const readAhead = inputFiles && tasks.length >= READ_AHEAD_MIN_TASKS && chunkCount > 1 ? new ReadAhead() : null;
  const readFilesOf = (chunk: readonly TTask[]): void => {
    if (readAhead && inputFiles) readAhead.read(chunk.flatMap(inputFiles));
  };
  const madeEarly = new Map<number, TTask[]>();
  const chunkAt = (id: number): TTask[] => {
    const chunk = madeEarly.get(id) ?? sliceChunk(id);
    madeEarly.delete(id);
    if (readAhead) {
      // Chunks are handed out in order: the first is read as it goes, every later one while the one before it runs.
      if (id === 0) readFilesOf(chunk);
      if (id + 1 < chunkCount) {
        const next = sliceChunk(id + 1);
        madeEarly.set(id + 1, next);
        readFilesOf(next);
      }
    }
    return chunk;
  };

  const ready = new Map<number, TResult>();
  let nextToEmit = 0;
  let nextChunk = 0;
  // A chunk's buffer goes back to a worker once every result in it has been handed on. Without this, the main
  // thread collected the transferred buffers only when their total forced a full GC and held them until then.
  const buffers = new Map<number, ArrayBuffer>();
  const spare: ArrayBuffer[] = [];
  // As many spare buffers as chunks can be asked for at once. While a worker's chunk is late, this thread runs on and
  // its finished chunks wait with their buffers; every buffer then stayed in the spare list for good (8–12 of ~3 MB
  // in a batch, a tenth of its peak RSS).
  const mostSpare = IN_FLIGHT * (jobs - 1) + 1;
  const collect = (id: number, chunk: ChunkResults<TResult>): void => {
    chunk.results.forEach((result, k) => ready.set(id * chunkSize + k, result));
    if (chunk.buffer) buffers.set(id, chunk.buffer);
  };
  const emit = (): void => {
    while (ready.has(nextToEmit)) {
      const result = ready.get(nextToEmit)!;
      ready.delete(nextToEmit);
      onResult(result, nextToEmit++);
      const chunk = Math.floor((nextToEmit - 1) / chunkSize);
      const buffer = buffers.get(chunk);
      if (buffer && (nextToEmit % chunkSize === 0 || nextToEmit === tasks.length)) {
        if (spare.length < mostSpare) spare.push(buffer);
        buffers.delete(chunk);
      }
    }
    options.afterResults?.();
  };

  await new Promise<void>((resolve, reject) => {
    const workers: Worker[] = [];
    let settled = false;
    let failed = false;
    const fail = (error: Error): void => {
      if (failed) return;
      failed = true;
      for (const w of workers) void w.terminate();
      void readAhead?.close();
      reject(error);
    };
    const settleIfDone = (): void => {
      if (failed || settled || nextToEmit < tasks.length) return;
      settled = true;
      Promise.all([...workers.map((w) => w.terminate()), readAhead?.close()]).then(() => resolve(), fail);
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
        collect(id, options.runChunk(chunkAt(id), spare.pop()));
        emit();
      });
      setImmediate(runOwnChunk);
    };
    for (let j = 1; j < jobs; j++) {
      const worker = new Worker(options.workerUrl, { workerData: options.workerData, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
      workers.push(worker);
      worker.on('message', (message: WorkerResponse<TResult>) => {
        collect(message.id, message);
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
