/** Parsers for option values, each failing with a UsageError that names the option. */
import { UsageError } from '../errors.js';
import { parsePressureWithUnit } from '../io/units.js';

export function positiveNumber(option: string) {
  return (text: string): number => {
    const value = Number(text);
    if (!Number.isFinite(value) || value <= 0) throw new UsageError(`${option} "${text}" is not a positive number`, option);
    return value;
  };
}

export function numberInRange(option: string, min: number, max: number) {
  return (text: string): number => {
    const value = Number(text);
    if (!Number.isFinite(value) || value < min || value > max) throw new UsageError(`${option} "${text}" is not a number from ${min} to ${max}`, option);
    return value;
  };
}

export function wholeNumber(option: string, min: number) {
  return (text: string): number => {
    const value = Number(text);
    if (!Number.isInteger(value) || value < min) throw new UsageError(`${option} "${text}" is not a whole number ≥ ${min}`, option);
    return value;
  };
}

/** "101.3kPa", "760 Torr", or a bare number in kPa. */
export function pressureKpa(option: string) {
  return (text: string): number => {
    const kpa = parsePressureWithUnit(text, 'kpa');
    if (kpa === null || !(kpa > 0)) throw new UsageError(`${option} "${text}" is not a pressure`, option, 'e.g. 101.325kPa, 760torr, 1.01325bar');
    return kpa;
  };
}

/** Megabytes → bytes. */
export function megabytes(option: string) {
  return (text: string): number => positiveNumber(option)(text) * 1024 * 1024;
}
