/**
 * SheetJS on BIFF (.xls) files, with a time limit. Its formula-token parser loops forever on some damaged FORMULA
 * records (`parse_Rgce` waits for the read position to equal the record end, and a token that over-reads steps past
 * it; found by fuzzing a mutated Micromeritics export), and every FORMULA record is parsed whatever the options. A
 * synchronous loop cannot be interrupted in-thread, so the parse runs on a worker thread that this thread waits for
 * (Atomics.wait) and terminates when the time is up.
 */
import { createRequire } from 'node:module';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type * as XLSXTypes from '@e965/xlsx';
import { InputError } from '../errors.js';

/**
 * Real exports parse in ~0.1 s (the largest in ../shared/data, Sample_L.xls, in 0.12 s); a damaged one that loops never
 * finishes. The limit is wall time, so it leaves a wide margin for a loaded machine: at 0.9 s, counted from the start of
 * the parser thread, Sample_D.xls was refused as damaged while the machine ran other work, so a result depended on load.
 */
export const SPREADSHEET_PARSE_LIMIT_MS = 5_000;

/** Starting the parser thread and loading SheetJS in it (~0.15 s) is not parsing and does not count against the limit. */
const PARSER_START_LIMIT_MS = 60_000;

const sheetjsPath = createRequire(import.meta.url).resolve('@e965/xlsx');

// CommonJS evaluated in the worker, so it runs the same from dist/ and from the TypeScript sources under test.
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const { port, signal, path } = workerData;
let XLSX;
let loadError;
try {
  XLSX = require(path);
} catch (error) {
  loadError = String(error && error.message ? error.message : error);
}
console.error = () => undefined;
Atomics.store(signal, 0, 1);
Atomics.notify(signal, 0);
port.on('message', ({ bytes, options }) => {
  try {
    if (loadError !== undefined) throw new Error('cannot load SheetJS: ' + loadError);
    port.postMessage({ workbook: XLSX.read(Buffer.from(bytes), { type: 'buffer', ...options }) });
  } catch (error) {
    port.postMessage({ error: error && error.message ? error.message : String(error) });
  }
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
});
`;

interface ParserThread {
  worker: Worker;
  port: MessagePort;
  signal: Int32Array;
}

/** One parser thread serves every read (starting one and loading SheetJS in it costs ~150 ms); a stuck one is replaced. */
let thread: ParserThread | null = null;

function parserThread(): ParserThread {
  if (thread) return thread;
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { port: port2, signal, path: sheetjsPath }, transferList: [port2] });
  worker.unref();
  port1.unref();
  if (Atomics.wait(signal, 0, 0, PARSER_START_LIMIT_MS) === 'timed-out') {
    void worker.terminate();
    throw new Error(`internal: the spreadsheet parser thread did not start within ${PARSER_START_LIMIT_MS / 1000} s`);
  }
  thread = { worker, port: port1, signal };
  return thread;
}

export function readBiffBounded(bytes: Uint8Array, options: XLSXTypes.ParsingOptions, file: string, limitMs = SPREADSHEET_PARSE_LIMIT_MS): XLSXTypes.WorkBook {
  const { worker, port, signal } = parserThread();
  Atomics.store(signal, 0, 0);
  port.postMessage({ bytes, options });
  const state = Atomics.wait(signal, 0, 0, limitMs);
  const message = receiveMessageOnPort(port)?.message as { workbook?: XLSXTypes.WorkBook; error?: string } | undefined;
  if (state === 'timed-out' || !message) {
    void worker.terminate();
    port.close();
    thread = null;
    throw new InputError('E_BINARY', `the spreadsheet parser did not finish within ${limitMs / 1000} s: the file is damaged`, { file }, 'save it again from the spreadsheet program, or export it as CSV');
  }
  if (message.error !== undefined) throw new Error(message.error);
  return message.workbook!;
}
