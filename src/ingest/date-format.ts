import { Bad, clip, parseDate } from './fields.js';
import type { LoadRun } from './load-run.js';

/** Reads one date cell into YYYY-MM-DD, or says why not. */
export type DateReader = (cell: string) => string | Bad;

const TOKENS: ReadonlyArray<readonly [string, string]> = [['YYYY', '(\\d{4})'], ['MM', '(\\d{2})'], ['DD', '(\\d{2})'], ['M', '(\\d{1,2})'], ['D', '(\\d{1,2})']];

/**
 * A reader for dates written in an explicit format (`--date-format`; never guessed): the tokens
 * YYYY, MM, DD (two digits), M, D (one or two digits), anything else literal, e.g. `DD/MM/YYYY`,
 * `MM/DD/YYYY`, `YYYYMMDD`, `D.M.YYYY`. Bad when the format lacks a year, month or day or repeats one.
 */
export function dateReaderFor(format: string): DateReader | Bad {
  if (format === 'YYYY-MM-DD') return readIsoDate;
  let pattern = '';
  const order: Array<'Y' | 'M' | 'D'> = [];
  for (let i = 0; i < format.length;) {
    const token = TOKENS.find(([t]) => format.startsWith(t, i));
    if (token) {
      pattern += token[1];
      order.push(token[0][0] as 'Y' | 'M' | 'D');
      i += token[0].length;
    } else {
      if (/[A-Za-z0-9]/.test(format[i]!)) return new Bad(`--date-format ${format}: "${format[i]}" is not a part of a date format (use YYYY, MM, DD, M, D and separators, such as DD/MM/YYYY)`);
      pattern += format[i]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      i++;
    }
  }
  if ([...order].sort().join('') !== 'DMY') return new Bad(`--date-format ${format} must name the year (YYYY), the month (MM or M) and the day (DD or D) once each`);
  const re = new RegExp(`^${pattern}$`);
  return (cell) => {
    const s = cell.trim();
    const m = re.exec(s);
    if (!m) return new Bad(s === '' ? 'the date is missing' : `"${clip(s)}" does not match --date-format ${format}; write every date of the file as ${format}, or give the --date-format the file uses`);
    const part = (p: 'Y' | 'M' | 'D') => m[order.indexOf(p) + 1]!;
    const iso = `${part('Y')}-${part('M').padStart(2, '0')}-${part('D').padStart(2, '0')}`;
    const date = parseDate(iso);
    return date instanceof Bad ? new Bad(`"${clip(s)}" is not a real calendar date`) : date;
  };
}

/** The default reader: YYYY-MM-DD, and a date written another way says how to read the file's own format. */
function readIsoDate(cell: string): string | Bad {
  const date = parseDate(cell);
  if (!(date instanceof Bad) || !date.reason.includes('is not a date of the form')) return date;
  return new Bad(`${date.reason}; give --date-format (e.g. DD/MM/YYYY) when the file writes its dates another way`);
}

/**
 * The date reader of one load (`--date-format`, YYYY-MM-DD when not given), shared by every kind whose
 * files write dates (daily, securities, changes, shares); a bad format rejects the file, naming the option.
 */
export function runDateReader(run: LoadRun, format = run.options.dateFormat ?? 'YYYY-MM-DD'): DateReader {
  const reader = dateReaderFor(format);
  return reader instanceof Bad ? run.failFile({ field: '--date-format', reason: reader.reason }) : reader;
}
