/**
 * Makes the bundled samples from stated models (npm run samples):
 *   samples/isotherms/*.csv — isotherms of mesoporous layers (samples/pore-model.ts), with both branches;
 *   samples/lots/*.json     — coating lots with their isotherm and pigment files (samples/lot-model.ts) that meet,
 *                             miss and leave undetermined the claims of every built-in set.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isothermCsv, SAMPLE_LOTS, writeLot } from './lot-model.js';
import type { PoreSample } from './pore-model.js';

const here = dirname(fileURLToPath(import.meta.url));

const ISOTHERMS: Record<string, PoreSample> = {
  'alumina-hydrate-layer': { medianNm: 18, sigmaLn: 0.3, poreVolumeCm3PerG: 0.7, externalAreaM2PerG: 15 },
  'silica-gel-layer': { medianNm: 8, sigmaLn: 0.35, poreVolumeCm3PerG: 0.9, externalAreaM2PerG: 30 },
  'polymer-particle-layer': { medianNm: 45, sigmaLn: 0.4, poreVolumeCm3PerG: 0.45, externalAreaM2PerG: 10 },
};

export function writeSamples(root = here): string[] {
  const written: string[] = [];
  mkdirSync(join(root, 'isotherms'), { recursive: true });
  for (const [name, sample] of Object.entries(ISOTHERMS)) {
    const path = join(root, 'isotherms', `${name}.csv`);
    writeFileSync(path, isothermCsv(sample));
    written.push(path);
  }
  rmSync(join(root, 'lots'), { recursive: true, force: true });
  for (const spec of SAMPLE_LOTS) written.push(writeLot(join(root, 'lots'), spec));
  return written;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const path of writeSamples()) console.log(`wrote ${path}`);
}
