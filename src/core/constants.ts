/**
 * Physical constants and vendor conventions for N2 at 77 K (../shared/docs/science.md, "Units and constants").
 */

/** Molar volume of an ideal gas at STP, cm³/mol. Micromeritics' convention (scipy's value at 273.15 K, 101.325 kPa). */
export const MOLAR_VOLUME_STP_CM3_PER_MOL = 22414;

/** Avogadro constant, 1/mol (SI 2019 exact value). */
export const AVOGADRO_PER_MOL = 6.02214076e23;


/**
 * Liquid-volume factor: cm³ of liquid N2 per cm³(STP) of gas = M / (V_STP · ρ_liquid) = 28.0134 / (22414 × 0.808).
 * Micromeritics prints it as the "density conversion factor" 0.0015468.
 */
export const LIQUID_VOLUME_FACTOR_N2 = 0.0015468;

/** Kelvin factor 2γV_L/RT for N2 at 77 K, nm (Micromeritics "adsorbate property factor" 9.53 Å). */
export const KELVIN_FACTOR_N2_NM = 0.953;

/** Default bath temperature for N2 isotherms when the file is silent, K. */
export const DEFAULT_N2_TEMPERATURE_K = 77.35;

/** Normal boiling point pressure, used as p0 of N2 at 77.35 K when a file gives absolute pressures only, kPa. */
export const STANDARD_ATMOSPHERE_KPA = 101.325;
