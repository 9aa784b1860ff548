/** Worker-thread entry: answers chunks of tasks with their outcomes, in order. */
import { parentPort, workerData } from 'node:worker_threads';
import { runAnalyzeTask, type AnalyzeTask, type TaskOutcome } from './analyze-task.js';
import { runGradeTask, type GradeTask } from './grade-task.js';
import type { WorkerRequest, WorkerResponse } from './pool.js';
import { packOutputs, renderOutcome, type RenderedOutcome, type RenderOptions } from './render.js';

export type BatchTask = AnalyzeTask | GradeTask;

export function runTask(task: BatchTask): TaskOutcome {
  switch (task.kind) {
    case 'analyze':
      return runAnalyzeTask(task);
    case 'grade':
      return runGradeTask(task);
  }
}

export function runAndRender(task: BatchTask, render: RenderOptions): RenderedOutcome {
  return renderOutcome(task, runTask(task), render);
}

parentPort?.on('message', (request: WorkerRequest<BatchTask>) => {
  const render = workerData as RenderOptions;
  const results = request.chunk.map((task) => runAndRender(task, render));
  const buffer = packOutputs(results, request.spare);
  parentPort!.postMessage({ id: request.id, results, buffer } satisfies WorkerResponse<RenderedOutcome>, [buffer]);
});
