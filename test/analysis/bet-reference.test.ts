/**
 * BET against numbers the instrument vendors' software printed (micromeritics-reference/INDEX.md,
 * micromeritics-xls/INDEX.md) over the points each report lists, and the automatic range on real isotherms.
 */
import { readdirSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeWithSharedData, shared } from '../helpers/shared-data.js';
import { analyzeFile } from '../helpers/analyze.js';

const AIF = (name: string) => shared('isotherms', 'aif', 'converted_real', name);

describeWithSharedData('BET over the vendor report\'s points', () => {
  const cases = [
    { name: 'carbon black (Micromeritics reference, 0.05–0.30)', file: shared('isotherms', 'micromeritics-reference', 'carbon_black.csv'), min: 0.05, max: 0.3, points: 13, area: 20.7049, c: 149.96, monolayer: 4.7569, stderr: 0.0289 },
    { name: 'Sample_A (TriStar II), 12 points 0.0523–0.3004', file: AIF('Micromeritics_Sample_A_SilicaAlumina_N2_77K.aif'), min: 0.0522, max: 0.3005, points: 12, area: 194.7493, c: 107.292458, monolayer: 44.7434, stderr: 0.5313 },
    { name: 'Sample_G, 8 points 0.111–0.265', file: AIF('Micromeritics_Sample_G_ZnK-BDC_N2_77K.aif'), min: 0.11, max: 0.266, points: 8, area: 68.3322, c: 3.879713, monolayer: 15.6992, stderr: 0.5281 },
    { name: 'Sample_I, 12 points 0.0030–0.0253', file: AIF('Micromeritics_Sample_I_N2_77K.aif'), min: 0.0029, max: 0.0254, points: 12, area: 1142.0517, c: 314.967116, monolayer: 262.3851, stderr: 26.5381 },
    { name: 'Sample_L, 5 points 0.0029–0.0309', file: AIF('Micromeritics_Sample_L_N2_77K.aif'), min: 0.0028, max: 0.031, points: 5, area: 1596.4627, c: 10182.764984, monolayer: 366.7855, stderr: 0.6426 },
  ];
  for (const k of cases) {
    it(`${k.name}: ${k.area} m²/g within 0.01 %`, () => {
      const { analysis } = analyzeFile(k.file, { betRange: { mode: 'fixed', min: k.min, max: k.max } });
      const fit = analysis.betFit!;
      expect(fit.points).toBe(k.points);
      expect(Math.abs(fit.areaM2PerG / k.area - 1)).toBeLessThan(1e-4);
      expect(Math.abs(fit.c / k.c - 1)).toBeLessThan(1e-3);
      expect(Math.abs(fit.monolayerCm3StpPerG / k.monolayer - 1)).toBeLessThan(1e-4);
      expect(Math.abs(fit.areaStderrM2PerG / k.stderr - 1)).toBeLessThan(2e-3);
    });
  }
});

describeWithSharedData('automatic BET range on real isotherms', () => {
  const files = [
    ...readdirSync(shared('isotherms', 'betsi-roundrobin')).filter((f) => f.endsWith('.csv')).map((f) => shared('isotherms', 'betsi-roundrobin', f)),
    ...readdirSync(shared('isotherms', 'pygaps-reference')).filter((f) => f.endsWith('.json')).map((f) => shared('isotherms', 'pygaps-reference', f)),
  ];
  it('finds the 24 files', () => expect(files.length).toBe(24));
  for (const file of files) {
    it(`${file.split('/').pop()}: the chosen range satisfies every criterion, or the output explains why none does`, () => {
      const { analysis } = analyzeFile(file);
      const criteria = analysis.bet.criteria as Record<string, unknown> | null;
      if (analysis.betFit) {
        expect(criteria).toMatchObject({ rouquerol_increasing: true, positive_c: true, monolayer_in_range: true, monolayer_consistent: true });
        expect(analysis.betFit.r2).toBeGreaterThanOrEqual(0.995);
        expect(analysis.betFit.points).toBeGreaterThanOrEqual(5);
      } else {
        expect(analysis.exitCode).toBe(4);
        const warning = analysis.warnings.find((w) => w.code === 'W_NO_BET_RANGE');
        expect(warning?.message).toMatch(/fails: /);
      }
    });
  }

  // pyGAPS' own test expectations (pygaps-reference/INDEX.md), with its 10 % tolerance.
  const expected: Record<string, number> = { 'MCM-41 N2 77K.json': 350, 'NaY N2 77K.json': 700, 'SiO2 N2 77K.json': 200, 'Takeda 5A N2 77K.json': 1075, 'UiO-66(Zr) N2 77K.json': 1250 };
  for (const [name, area] of Object.entries(expected)) {
    it(`${name}: BET area within 10 % of pyGAPS' ${area} m²/g`, () => {
      const { analysis } = analyzeFile(shared('isotherms', 'pygaps-reference', name));
      expect(analysis.betFit).not.toBeNull();
      expect(Math.abs(analysis.betFit!.areaM2PerG / area - 1)).toBeLessThan(0.1);
    });
  }
});
