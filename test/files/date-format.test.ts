import { describe, expect, it } from 'vitest';
import { dateReaderFor } from '../../src/ingest/date-format.js';
import { Bad } from '../../src/ingest/fields.js';

const read = (format: string, cell: string) => {
  const reader = dateReaderFor(format);
  if (reader instanceof Bad) return `format: ${reader.reason}`;
  const v = reader(cell);
  return v instanceof Bad ? `Bad: ${v.reason}` : v;
};

describe('--date-format (explicit, never guessed)', () => {
  it.each([
    ['DD/MM/YYYY', '30/06/2025', '2025-06-30'], ['MM/DD/YYYY', '06/30/2025', '2025-06-30'], ['YYYYMMDD', '20250630', '2025-06-30'],
    ['D/M/YYYY', '1/7/2025', '2025-07-01'], ['D.M.YYYY', '01.07.2025', '2025-07-01'], ['YYYY-MM-DD', '2025-06-30', '2025-06-30'],
  ])('%s reads %s', (format, cell, iso) => {
    expect(read(format, cell)).toBe(iso);
  });

  it('a date that does not match is a bad row, never re-read in another format', () => {
    expect(read('DD/MM/YYYY', '2025-06-30')).toBe('Bad: "2025-06-30" does not match --date-format DD/MM/YYYY; write every date of the file as DD/MM/YYYY, or give the --date-format the file uses');
    expect(read('MM/DD/YYYY', '30/06/2025')).toBe('Bad: "30/06/2025" is not a real calendar date');
    expect(read('DD/MM/YYYY', '31/06/2025')).toBe('Bad: "31/06/2025" is not a real calendar date');
    expect(read('DD/MM/YYYY', '')).toBe('Bad: the date is missing');
  });

  it('a format without a year, month and day once each is refused', () => {
    expect(read('DD/MM', '30/06')).toBe('format: --date-format DD/MM must name the year (YYYY), the month (MM or M) and the day (DD or D) once each');
    expect(read('DD/MM/YY', '30/06/25')).toMatch(/^format: --date-format DD\/MM\/YY: "Y" is not a part of a date format/);
  });
});
