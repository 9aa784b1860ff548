/** Worker-thread entry: answers chunks of tasks with their outcomes, in order. */
import { parentPort, workerData } from 'node:worker_threads';
import type { AnalyzeTask } from './analyze-task.js';
import type { GradeTask } from './grade-task.js';
import type { ChunkResults, WorkerRequest, WorkerResponse } from './pool.js';
import type { PsdTask } from './psd-task.js';
import { packOutputs, renderOutcome, type RenderedOutcome, type RenderOptions } from './render.js';
import type { TaskKind } from './task-kind.js';

export type BatchTask = AnalyzeTask | GradeTask | PsdTask;
type KindName = BatchTask['kind'];
type KindOf<K extends KindName> = TaskKind<Extract<BatchTask, { kind: K }>>;

const LOADERS: { [K in KindName]: () => Promise<KindOf<K>> } = {
  analyze: async () => (await import('./analyze-task.js')).analyzeKind,
  grade: async () => (await import('./grade-task.js')).gradeKind,
  psd: async () => (await import('./psd-task.js')).psdKind,
};
const loaded: { [K in KindName]?: KindOf<K> } = {};

/** Loads the modules of these kinds of task (once per thread); runChunk needs them loaded. */
export async function loadTaskKinds(kinds: Iterable<KindName>): Promise<void> {
  for (const kind of kinds) (loaded as Record<KindName, unknown>)[kind] ??= await LOADERS[kind]();
}

function kindOf<K extends KindName>(name: K): KindOf<K> {
  const kind = loaded[name];
  if (!kind) throw new Error(`internal: task kind ${name} used before loadTaskKinds`);
  return kind as KindOf<K>;
}

/** The files tasks of this kind will read, to be read ahead (io/read-ahead.ts), if the kind says. */
export function inputFilesOf(kind: KindName): ((task: BatchTask) => readonly string[]) | undefined {
  return (kindOf(kind) as TaskKind<BatchTask>).inputFiles;
}

function runAndRender(task: BatchTask, render: RenderOptions): RenderedOutcome {
  const kind = kindOf(task.kind) as TaskKind<BatchTask>;
  return renderOutcome(kind, task, kind.run(task), render);
}

/** A chunk of tasks, their outputs packed into one buffer (`spare` reused when large enough); the same on every thread. */
export function runChunk(tasks: readonly BatchTask[], render: RenderOptions, spare?: ArrayBuffer): ChunkResults<RenderedOutcome> & { buffer: ArrayBuffer } {
  const results = tasks.map((task) => runAndRender(task, render));
  const buffer = packOutputs(results, spare);
  for (const kind of Object.values(loaded)) kind.afterChunk?.();
  return { results, buffer };
}

parentPort?.on('message', (request: WorkerRequest<BatchTask>) => {
  void loadTaskKinds(new Set(request.chunk.map((task) => task.kind))).then(() => {
    const { results, buffer } = runChunk(request.chunk, workerData as RenderOptions, request.spare);
    parentPort!.postMessage({ id: request.id, results, buffer } satisfies WorkerResponse<RenderedOutcome>, [buffer]);
  });
});
