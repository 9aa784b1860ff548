/**
 * BJH peaks and artefact warnings on published isotherms: pyGAPS' MCM-41 (its test suite expects a desorption peak of
 * 3.3 nm within 5 %), the Micromeritics Sample_L (a microporous solid whose N2 desorption branch shows the
 * cavitation step at p/p0 0.52–0.46 and a false BJH peak near 4 nm) against Sample_A (a genuine mesoporous
 * silica–alumina) and MCM-41 (a reversible step, no hysteresis: not cavitation).
 */
import { expect, it } from 'vitest';
import { BJH_DEFAULTS, bjhReport } from '../../src/analysis/bjh-report.js';
import { describeWithSharedData } from '../helpers/shared-data.js';
import { referenceIsotherm } from './reference-data.js';

describeWithSharedData('BJH on reference isotherms', () => {
  it('pyGAPS MCM-41: desorption peak 3.3 nm within 5 %, no cavitation warning', () => {
    const { bjh, warnings } = bjhReport(referenceIsotherm('pygaps-reference', 'MCM-41 N2 77K.json'), BJH_DEFAULTS);
    expect(bjh.branch).toBe('desorption');
    expect(Math.abs(bjh.peak_diameter_nm! / 3.3 - 1)).toBeLessThan(0.05);
    expect(warnings.map((w) => w.code)).not.toContain('BJH_CAVITATION');
  });

  it('Sample_L desorption raises the cavitation warning, pointing to the adsorption branch', () => {
    for (const correction of ['standard', 'faas'] as const) {
      const { warnings } = bjhReport(referenceIsotherm('aif', 'converted_real', 'Micromeritics_Sample_L_N2_77K.aif'), { ...BJH_DEFAULTS, correction });
      const cavitation = warnings.find((w) => w.code === 'BJH_CAVITATION');
      expect(cavitation?.message).toMatch(/p\/p0 0\.519 and 0\.491/);
      expect(cavitation?.message).toContain('--bjh-branch adsorption');
    }
    // The Faas peak sits where the Micromeritics report puts it (≈ 40.8 Å average diameter).
    const faas = bjhReport(referenceIsotherm('aif', 'converted_real', 'Micromeritics_Sample_L_N2_77K.aif'), { ...BJH_DEFAULTS, correction: 'faas' }).warnings;
    expect(faas.find((w) => w.code === 'BJH_CAVITATION')?.message).toMatch(/peak at 4\.[01]\d nm/);
  });

  it('Sample_A (desorption and adsorption) raises no cavitation warning', () => {
    for (const branch of ['desorption', 'adsorption'] as const) {
      const { warnings } = bjhReport(referenceIsotherm('aif', 'converted_real', 'Micromeritics_Sample_A_SilicaAlumina_N2_77K.aif'), { ...BJH_DEFAULTS, branch });
      expect(warnings.map((w) => w.code)).not.toContain('BJH_CAVITATION');
    }
  });
});
