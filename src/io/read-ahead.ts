/**
 * Read-ahead for `analyze` and `psd` over many files: a thread of its own reads the files of the next chunk of tasks
 * while the current ones are analysed, so that each task's own synchronous read (input.ts) finds the bytes in the
 * page cache instead of waiting for the disk.
 *
 * Why: such a run reads each export once, usually from disk (on this project's VM the host drops a file's cached
 * pages 10–30 s after its last use): a 3–5 kB export not read for 25 s took ~90 µs to read, ~16 µs once read ahead,
 * and `analyze` over 10,000 such files ran in 3.00 s instead of 3.69 s (medians of three, 2 jobs). Why a
 * thread: reading ahead on libuv's pool instead (open and fstat here, the read there) cost the analysing thread
 * 15–20 µs a file in calls and callbacks, which a batch of files already in the cache paid for nothing; one message
 * a chunk costs ~1 µs a file. The thread holds ~10 MB.
 *
 * Only a hint: a thread that fails to start, or a file it cannot read, changes nothing but the speed.
 */
import { Worker } from 'node:worker_threads';

export class ReadAhead {
  private readonly worker: Worker;
  private failed = false;
  /** Files read so far (regular files only: the rest are left to their tasks). */
  filesRead = 0;

  constructor() {
    // From dist/io/ and from dist/bundle/chunks/ alike (scripts/bundle.mjs puts the thread's module in bundle/io/).
    this.worker = new Worker(new URL('../io/read-ahead-worker.js', import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 1 } });
    this.worker.on('error', () => {
      this.failed = true;
    });
    this.worker.on('message', (read: number) => {
      this.filesRead += read;
    });
    // Never what keeps the process alive.
    this.worker.unref();
  }

  /** Has these files read into the page cache, in this order, soon. */
  read(files: readonly string[]): void {
    if (!this.failed && files.length > 0) this.worker.postMessage(files);
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}
