/** Colour only when stdout is a terminal and NO_COLOR (https://no-color.org) is unset. */
import { Chalk, type ChalkInstance } from 'chalk';

export function colourFor(stream: NodeJS.WriteStream = process.stdout): ChalkInstance {
  const enabled = Boolean(stream.isTTY) && !('NO_COLOR' in process.env && process.env.NO_COLOR !== '');
  return new Chalk({ level: enabled ? 2 : 0 });
}
