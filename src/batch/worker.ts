/** Worker-thread entry: answers chunks of tasks with their outcomes, in order. */
import { parentPort, workerData } from 'node:worker_threads';
import { runAnalyzeTask, type AnalyzeTask, type TaskOutcome } from './analyze-task.js';
import { runGradeTask, type GradeTask } from './grade-task.js';
import { runPsdTask, type PsdTask } from './psd-task.js';
import { reuseRecordBytes } from '../output/grade-json.js';
import type { ChunkResults, WorkerRequest, WorkerResponse } from './pool.js';
import { packOutputs, renderOutcome, type RenderedOutcome, type RenderOptions } from './render.js';

export type BatchTask = AnalyzeTask | GradeTask | PsdTask;

export function runTask(task: BatchTask): TaskOutcome {
  switch (task.kind) {
    case 'analyze':
      return runAnalyzeTask(task);
    case 'grade':
      return runGradeTask(task);
    case 'psd':
      return runPsdTask(task);
  }
}

export function runAndRender(task: BatchTask, render: RenderOptions): RenderedOutcome {
  return renderOutcome(task, runTask(task), render);
}

/** A chunk of tasks, their outputs packed into one buffer (`spare` reused when large enough); the same on every thread. */
export function runChunk(tasks: readonly BatchTask[], render: RenderOptions, spare?: ArrayBuffer): ChunkResults<RenderedOutcome> & { buffer: ArrayBuffer } {
  const results = tasks.map((task) => runAndRender(task, render));
  const buffer = packOutputs(results, spare);
  reuseRecordBytes();
  return { results, buffer };
}

parentPort?.on('message', (request: WorkerRequest<BatchTask>) => {
  const { results, buffer } = runChunk(request.chunk, workerData as RenderOptions, request.spare);
  parentPort!.postMessage({ id: request.id, results, buffer } satisfies WorkerResponse<RenderedOutcome>, [buffer]);
});
