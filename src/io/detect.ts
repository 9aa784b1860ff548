/**
 * Choosing a reader by content, shared by the isotherm and particle-size registries: every reader scores the input,
 * the highest score wins (ties go to the earlier reader, so specific layouts come before generic ones), and a reader
 * whose detection throws simply does not claim the input.
 */
import { PoregradeError } from '../errors.js';
import type { RawInput } from './input.js';

export interface DetectingReader {
  id: string;
  detect(input: RawInput): { score: number; reason: string };
}

/** Errors that say the file itself cannot be looked at, whatever its layout. */
const CONTAINER_ERRORS: ReadonlySet<string> = new Set(['E_SHEET_TOO_LARGE', 'E_ENCODING', 'E_BINARY']);

export interface Detected<R> {
  best: R | undefined;
  /** "reader: what it missed", for the unknown-layout message. */
  misses: string[];
  /** A container problem met on the way (broken encoding, damaged or oversized spreadsheet). */
  containerError: PoregradeError | undefined;
}

export function detectReader<R extends DetectingReader>(readers: readonly R[], input: RawInput): Detected<R> {
  let best: R | undefined;
  let bestScore = 0;
  const misses: string[] = [];
  let containerError: PoregradeError | undefined;
  for (const reader of readers) {
    let score = 0;
    let reason: string;
    try {
      ({ score, reason } = reader.detect(input));
    } catch (error) {
      if (error instanceof PoregradeError && CONTAINER_ERRORS.has(error.code)) containerError ??= error;
      reason = error instanceof Error ? error.message : String(error);
    }
    if (score > bestScore) {
      best = reader;
      bestScore = score;
    } else if (score === 0) {
      misses.push(`${reader.id}: ${reason}`);
    }
  }
  return { best, misses, containerError };
}
