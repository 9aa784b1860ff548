/** Worker-thread entry: answers chunks of tasks with their outcomes, in order. */
import { parentPort } from 'node:worker_threads';
import { runAnalyzeTask, type AnalyzeTask, type TaskOutcome } from './analyze-task.js';
import { runGradeTask, type GradeTask } from './grade-task.js';
import type { WorkerRequest, WorkerResponse } from './pool.js';

export type BatchTask = AnalyzeTask | GradeTask;

export function runTask(task: BatchTask): TaskOutcome {
  switch (task.kind) {
    case 'analyze':
      return runAnalyzeTask(task);
    case 'grade':
      return runGradeTask(task);
  }
}

parentPort?.on('message', (request: WorkerRequest<BatchTask>) => {
  const response: WorkerResponse<TaskOutcome> = { id: request.id, results: request.chunk.map(runTask) };
  parentPort!.postMessage(response);
});
