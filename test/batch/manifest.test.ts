/**
 * Manifest rows (lot-format.md) as lot JSON: rows are stored packed and rebuilt on demand, which must give the same
 * data whatever the separator, quoting or decimal mark; header errors are found before any row is read.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseManifest } from '../../src/batch/manifest.js';
import { RawInput, readInput } from '../../src/io/input.js';
import { typedError } from '../helpers/typed-error.js';

const directory = mkdtempSync(join(tmpdir(), 'poregrade-manifest-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const manifest = (text: string) => parseManifest(RawInput.fromString('/plant/lots.csv', text));

describe('parseManifest', () => {
  it('rebuilds each row as lot JSON: files (inks), numbers, facts (lists), the lot id, with its line', () => {
    const m = manifest(['lot,files.isotherm,files.pigment_psd.cyan,values.coat_weight_g_m2,facts.ink_colors', '', 'L1,iso/L1.csv,psd/c1.csv,25.5,cyan|magenta', 'L2,iso/L2.csv,,abc,true'].join('\n'));
    expect(m.length).toBe(2);
    expect(m.baseDir).toBe('/plant');
    expect(m.row(0)).toEqual({ line: 3, data: { lot: 'L1', files: { isotherm: 'iso/L1.csv', pigment_psd: { cyan: 'psd/c1.csv' } }, values: { coat_weight_g_m2: 25.5 }, facts: { ink_colors: ['cyan', 'magenta'] }, analysis: {} } });
    // Not a number: kept as text for the lot loader to refuse with its field.
    expect(m.row(1)).toEqual({ line: 4, data: { lot: 'L2', files: { isotherm: 'iso/L2.csv' }, values: { coat_weight_g_m2: 'abc' }, facts: { ink_colors: true }, analysis: {} } });
  });

  it('keeps quoted cells holding the separator, and reads decimal commas in a semicolon file', () => {
    const quoted = manifest('lot,files.isotherm,facts.note\n"L,1","iso/a,b.csv","x, y"\n');
    expect(quoted.row(0).data).toMatchObject({ lot: 'L,1', files: { isotherm: 'iso/a,b.csv' }, facts: { note: 'x, y' } });
    const semicolon = manifest('lot;values.coat_weight_g_m2;values.receiving_layer_thickness_um\nL1;25,5;30\n');
    expect(semicolon.row(0).data).toMatchObject({ values: { coat_weight_g_m2: 25.5, receiving_layer_thickness_um: 30 } });
  });

  it('refuses a manifest without a lot column, with an unknown column, or without rows', () => {
    const code = (text: string) => typedError(() => manifest(text)).code;
    expect(code('files.isotherm\na.csv\n')).toBe('E_MISSING_COLUMN');
    expect(code('lot,colour\nL1,red\n')).toBe('E_MISSING_COLUMN');
    expect(code('lot,files.isotherm\n')).toBe('E_NO_DATA');
    expect(code('\n\n')).toBe('E_EMPTY_FILE');
  });

  it('rows read back from the file (UTF-8, one line each) equal the rows held in memory: BOM, CRLF, blank lines, µ', () => {
    const rows = Array.from({ length: 700 }, (_, i) => `L${i}-µ ; iso/${i}.csv ; ${i},5 ; ${i % 2 ? 'yes' : 'no'}`);
    const text = '\ufefflot;files.isotherm;values.coat_weight_g_m2;facts.receiving_layer_porous\r\n\r\n' + rows.join('\r\n') + '\r\n;;;\r\n';
    const file = join(directory, 'lots.csv');
    writeFileSync(file, text);
    const fromDisk = parseManifest(readInput(file));
    // Not a file on disk: the rows stay in memory.
    const inMemory = parseManifest(RawInput.fromString(join(directory, 'not-on-disk.csv'), text));
    expect(fromDisk.length).toBe(700);
    expect(inMemory.length).toBe(700);
    for (let i = 0; i < 700; i++) expect(fromDisk.row(i)).toEqual(inMemory.row(i));
    expect(fromDisk.row(699)).toEqual({ line: 702, data: { lot: 'L699-µ', files: { isotherm: 'iso/699.csv' }, values: { coat_weight_g_m2: 699.5 }, facts: { receiving_layer_porous: true }, analysis: {} } });
  });
});
