/**
 * Loads a dependency's CommonJS build on first use. Every command starts in a fresh process, and importing ajv,
 * SheetJS, csv-parse, tinyglobby and ml-regression up front cost ~330 ms of a 360 ms `analyze` call; most calls need
 * none of them.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export function lazyRequire<T>(id: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(id) as T);
}
