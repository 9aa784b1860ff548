/**
 * The read-ahead thread (read-ahead.ts): each message is a list of files, read here so that their bytes are in the
 * page cache when a task reads them. Nothing is kept or reported: a file that cannot be opened, or is not a
 * regular file, is left alone, and its task reads and reports it exactly as without read-ahead.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';

/** Bytes read ahead per file: the whole of a typical export; the rest of a larger file is read by its task. */
const READ_AHEAD_BYTES = 1 << 20;
/** O_NONBLOCK: a FIFO or a terminal named by mistake must not hold this thread (its task reports it). */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

const scratch = Buffer.allocUnsafe(READ_AHEAD_BYTES);

/** Reads the start of `file` if it is a regular file; true if it did. */
function readIntoCache(file: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, OPEN_FLAGS);
  } catch {
    return false;
  }
  try {
    if (!fstatSync(fd).isFile()) return false;
    readSync(fd, scratch, 0, READ_AHEAD_BYTES, 0);
    return true;
  } catch {
    return false;
  } finally {
    closeSync(fd);
  }
}

// The answer, how many of the files were read, is one small message a chunk (the tests wait for it).
parentPort?.on('message', (files: readonly string[]) => {
  let read = 0;
  for (const file of files) if (file !== '-' && readIntoCache(file)) read++;
  parentPort!.postMessage(read);
});
