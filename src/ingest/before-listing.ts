import type { IsoDate, StockCode } from '../domain/types.js';

/**
 * Before listing, nothing counts (issue 16): a daily record dated before its security's listing date is
 * a bad row at ingest, naming the listing date. Such records used to be stored and then counted (a WVR
 * company listed two days before the cut-off passed the 183-day turnover test on them). Pure: the
 * listing dates in, one sentence (or null) per row out.
 */
export class ListingDates {
  constructor(private readonly listedOn: ReadonlyMap<StockCode, IsoDate>) {}

  /** Null when `code` may carry a record on `date`, else the reason it may not, ending with `fix`. */
  reasonBefore(code: StockCode, date: IsoDate, fix = 'drop the row, or correct listing_date with ingest securities if the listing date is wrong'): string | null {
    const listing = this.listedOn.get(code);
    if (listing === undefined || date >= listing) return null;
    return `${code} was listed on ${listing}, so it has no record on ${date}; ${fix}`;
  }
}
