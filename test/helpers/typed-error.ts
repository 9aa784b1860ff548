/** The typed error `run` throws; fails the test when it throws nothing or something untyped (a crash). */
import { PoregradeError } from '../../src/errors.js';

export function typedError(run: () => unknown): PoregradeError {
  try {
    run();
  } catch (error) {
    if (error instanceof PoregradeError) return error;
    throw error;
  }
  throw new Error('expected a PoregradeError, but nothing was thrown');
}
