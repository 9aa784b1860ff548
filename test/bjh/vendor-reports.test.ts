/**
 * BJH against the Micromeritics instrument reports: the cumulative pore volumes printed in the summaries (issue 4
 * acceptance, 2 %) and, group by group, the BJH tables printed in the same .xls files. Settings are those printed in
 * each report: thickness curve, correction, adsorbate property factor 9.53 Å, density conversion factor, 17–3000 Å.
 */
import { expect, it } from 'vitest';
import { BJH_DEFAULTS, bjhReport, type BjhSettings } from '../../src/analysis/bjh-report.js';
import { THICKNESS_MODELS, tableThickness } from '../../src/core/thickness.js';
import { describeWithSharedData } from '../helpers/shared-data.js';
import { micromeriticsSheet, referenceIsotherm, vendorBjhTable, vendorThicknessPairs } from './reference-data.js';

const SAMPLE_A = 'Micromeritics_Sample_A_SilicaAlumina_N2_77K.aif';
const SAMPLE_G = 'Micromeritics_Sample_G_ZnK-BDC_N2_77K.aif';
const SAMPLE_L = 'Micromeritics_Sample_L_N2_77K.aif';

function relative(value: number | null, reference: number): number {
  return Math.abs((value ?? Number.NaN) / reference - 1);
}

describeWithSharedData('BJH reproduces the Micromeritics reports', () => {
  const sampleATable = (): BjhSettings['thicknessTable'] => {
    const curve = vendorThicknessPairs(micromeriticsSheet('Sample_A'), 't-Plot Report');
    return { file: 'SIO2OH.THK', relativePressure: Float64Array.from(curve.relativePressure), thicknessA: Float64Array.from(curve.thicknessA) };
  };

  const cases = [
    { name: 'Sample_A adsorption (SIO2OH.THK, standard)', file: SAMPLE_A, sheet: 'Sample_A', branch: 'adsorption', table: true, thickness: 'harkins-jura', correction: 'standard', liquid: 0.0015468, volume: 0.641678, area: 224.787 },
    { name: 'Sample_A desorption (SIO2OH.THK, standard)', file: SAMPLE_A, sheet: 'Sample_A', branch: 'desorption', table: true, thickness: 'harkins-jura', correction: 'standard', liquid: 0.0015468, volume: 0.699796, area: 308.8467 },
    { name: 'Sample_G adsorption (Halsey, standard)', file: SAMPLE_G, sheet: 'Sample_G', branch: 'adsorption', table: false, thickness: 'halsey', correction: 'standard', liquid: 0.0015501, volume: 0.116511, area: 102.8894 },
    { name: 'Sample_G desorption (Harkins–Jura, Faas)', file: SAMPLE_G, sheet: 'Sample_G', branch: 'desorption', table: false, thickness: 'harkins-jura', correction: 'faas', liquid: 0.0015501, volume: 0.079654, area: 62.0441 },
  ] as const;

  for (const c of cases) {
    it(`${c.name}: cumulative volume ${c.volume} cm³/g and area ${c.area} m²/g`, () => {
      const settings: BjhSettings = { ...BJH_DEFAULTS, branch: c.branch, thicknessModel: c.thickness, thicknessTable: c.table ? sampleATable() : null, correction: c.correction, liquidVolumeFactor: c.liquid };
      const { bjh } = bjhReport(referenceIsotherm('aif', 'converted_real', c.file), settings);
      // The issue asks for 2 %; measured: A +0.002 % / +0.05 % (the report's t above the table's last point
      // differs), G to 5 digits.
      expect(relative(bjh.cumulative_volume_cm3_g, c.volume)).toBeLessThan(0.001);
      expect(relative(bjh.cumulative_area_m2_g, c.area)).toBeLessThan(0.002);
    });
  }

  it('Sample_G and Sample_L tables group by group (average diameter, increment, cumulative volume)', () => {
    const tables = [
      { file: SAMPLE_G, sheet: 'Sample_G', branch: 'Adsorption', thickness: 'halsey', correction: 'standard', liquid: 0.0015501 },
      { file: SAMPLE_G, sheet: 'Sample_G', branch: 'Desorption', thickness: 'harkins-jura', correction: 'faas', liquid: 0.0015501 },
      { file: SAMPLE_L, sheet: 'Sample_L', branch: 'Desorption', thickness: 'harkins-jura', correction: 'faas', liquid: 0.00155 },
    ] as const;
    for (const t of tables) {
      const vendor = vendorBjhTable(micromeriticsSheet(t.sheet), t.branch);
      const settings: BjhSettings = { ...BJH_DEFAULTS, branch: t.branch === 'Adsorption' ? 'adsorption' : 'desorption', thicknessModel: t.thickness, correction: t.correction, liquidVolumeFactor: t.liquid };
      // Faas lists only groups with pores; our rows also show the steps without new pores (volume 0).
      const ours = bjhReport(referenceIsotherm('aif', 'converted_real', t.file), settings).bjh.distribution.filter((row) => (row.volume_cm3_g ?? 0) > 0);
      expect(ours.length).toBe(vendor.length);
      vendor.forEach((v, i) => {
        expect(relative((ours[i]!.average_diameter_nm ?? Number.NaN) * 10, v.averageDiameterA)).toBeLessThan(1e-4);
        expect(relative(ours[i]!.volume_cm3_g, v.incrementalVolumeCm3PerG)).toBeLessThan(1e-3);
        expect(relative(ours[i]!.cumulative_volume_cm3_g, v.cumulativeVolumeCm3PerG)).toBeLessThan(1e-4);
      });
    }
  });

  it('Harkins–Jura and the SIO2OH.THK table give the t the reports print at each data point', () => {
    // The reports print p/p0 and the table with fewer digits than they compute with, hence 1e-5 and 1e-4 Å.
    const l = vendorThicknessPairs(micromeriticsSheet('Sample_L'), 't-Plot Report');
    l.relativePressure.forEach((p, i) => expect(THICKNESS_MODELS['harkins-jura'].thicknessA(p)).toBeCloseTo(l.thicknessA[i]!, 5));
    const sheet = micromeriticsSheet('Sample_A');
    const curve = vendorThicknessPairs(sheet, 't-Plot Report', 0);
    const atPoints = vendorThicknessPairs(sheet, 't-Plot Report', 1);
    const table = tableThickness(Float64Array.from(curve.relativePressure), Float64Array.from(curve.thicknessA));
    expect(atPoints.relativePressure.length).toBeGreaterThan(20);
    atPoints.relativePressure.forEach((p, i) => expect(table.thicknessA(p)).toBeCloseTo(atPoints.thicknessA[i]!, 4));
  });
});
