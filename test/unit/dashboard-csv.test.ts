import { describe, expect, it } from 'vitest';
import { csvField, csvFileName, toCsv } from '../../dashboard/src/lib/csv.js';

describe('dashboard CSV (RFC 4180)', () => {
  it('leaves plain fields as they are and empty values empty', () => {
    expect(
      toCsv([
        ['name', 'rate', 'n'],
        ['Acme', 0.25, 84],
        ['Zeta', null, undefined],
      ]),
    ).toBe('name,rate,n\r\nAcme,0.25,84\r\nZeta,,\r\n');
  });

  it('quotes fields with commas, quotes, line breaks and edge spaces, doubling the quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line one\nline two')).toBe('"line one\nline two"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvField(' padded ')).toBe('" padded "');
    expect(csvField('"')).toBe('""""');
  });

  it('writes booleans and numbers as text', () => {
    expect(toCsv([[true, false, -0.5, 0]])).toBe('true,false,-0.5,0\r\n');
  });

  it('defuses text a spreadsheet would run as a formula, but not negative numbers', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField('+1 555')).toBe("'+1 555");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('-cmd')).toBe("'-cmd");
    expect(csvField('-12.5')).toBe('-12.5');
    expect(csvField('+3%')).toBe('+3%');
  });

  it('round-trips through a CSV parser', async () => {
    const { parse } = await import('csv-parse/sync');
    const rows = [
      ['text', 'tags'],
      ['What is the best CRM, really?', 'crm; "smb"'],
      ['multi\nline', ''],
    ];
    expect(parse(toCsv(rows))).toEqual(rows);
  });

  it('has no rows for an empty table', () => {
    expect(toCsv([])).toBe('');
  });

  it('names files safely', () => {
    expect(csvFileName('Prompts — Acme Café')).toBe('prompts-acme-cafe.csv');
    expect(csvFileName('///')).toBe('table.csv');
  });
});
