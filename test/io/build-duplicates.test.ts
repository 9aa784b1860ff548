/**
 * buildIsotherm's repeated-pressure check keeps no Map while a branch runs one way; where it does not, it must still
 * report the first repeat with the line of its earlier twin, as the Map per branch did.
 */
import { describe, expect, it } from 'vitest';
import { buildIsotherm, PointBuffer, type PointList } from '../../src/io/isotherm/build.js';

function points(pressures: number[], branches: number[]): PointList {
  return { relativePressure: pressures, loadingCm3StpPerG: pressures.map((_, i) => i + 1), branch: branches, line: pressures.map((_, i) => 10 + i) };
}
const build = (p: PointList | ReturnType<PointBuffer['columns']>) => () => buildIsotherm({ file: 'f.csv', format: 'test', points: p, adsorbate: 'nitrogen', temperatureK: 77, sampleMassG: null });

describe('buildIsotherm repeated pressures', () => {
  it('accepts strictly rising adsorption and falling desorption, and a branch that turns without repeating', () => {
    expect(build(points([0.1, 0.2, 0.3, 0.25, 0.15], [0, 0, 0, 1, 1]))().relativePressure.length).toBe(5);
    expect(build(points([0.1, 0.3, 0.2, 0.4], [0, 0, 0, 0]))().relativePressure.length).toBe(4);
  });

  it('names the earlier line of a repeat, in a monotonic run or after the run broke', () => {
    expect(build(points([0.1, 0.2, 0.2], [0, 0, 0]))).toThrow('relative pressure 0.2 appears twice in the adsorption branch (also at line 11)');
    expect(build(points([0.1, 0.3, 0.2, 0.1], [0, 0, 0, 0]))).toThrow('relative pressure 0.1 appears twice in the adsorption branch (also at line 10)');
    expect(build(points([0.5, 0.4, 0.45, 0.4], [1, 1, 1, 1]))).toThrow('relative pressure 0.4 appears twice in the desorption branch (also at line 11)');
  });

  it('takes 0 and -0 as one pressure, and the same pressure in two branches as two points', () => {
    expect(build(points([0, -0, 0.1], [0, 0, 0]))).toThrow('appears twice in the adsorption branch (also at line 10)');
    expect(build(points([0.1, 0.2, 0.2, 0.1], [0, 0, 1, 1]))().branch).toEqual(Uint8Array.from([0, 0, 1, 1]));
  });

  it('reads points from a PointBuffer as from a PointList', () => {
    const buffer = new PointBuffer(7);
    const list = points(Array.from({ length: 300 }, (_, i) => (i + 1) / 301), Array.from({ length: 300 }, () => 0));
    list.relativePressure.forEach((p, i) => buffer.push(p, list.loadingCm3StpPerG[i]!, 0, list.line[i]!));
    expect(build(buffer.columns())()).toEqual(build(list)());
  });
});
