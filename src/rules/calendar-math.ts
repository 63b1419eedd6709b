/**
 * The date arithmetic of the per-security rules, under the names the rules use. One implementation,
 * in domain/dates.ts: plain integer math on `YYYY-MM-DD` strings, cheap enough to call per security.
 */
export { addMonths as shiftMonths, addDays as shiftDays, weekday as weekdayOf } from '../domain/dates.js';
