import { openStore, type Store } from '../../src/db/connection.js';
import { writeHsciList, writeMarket, writeSouthboundList, type MarketSecurity } from './build-market.js';

/**
 * The scenario market of the end-to-end review (cut-off C = 2026-06-30, a semi-annual review). Every cap
 * is constant, so each average equals its cap. The ranking universe U sums to exactly HK$1,500bn
 * (919.1 + 150 + 80 + 50 + 40 + 30 + 25 + 24 + 22 + 21 + 15 + 12 + 11 + 9 + 8 + 5 + 4.5 + 4.5 + 4.0 + 3.9
 * + 3.2 + 3.0 + 2.8 + 20 x 2.6 + 1.0). GEM, ETF and RMB-counter names are outside U and add nothing.
 */
export const SCENARIO_SECURITIES: MarketSecurity[] = [
  { code: '00001', name: 'Alpha Holdings', capBn: 919.1 },
  { code: '00002', name: 'Beta Bank', capBn: 150 },
  { code: '00003', name: 'Clear Add Co', capBn: 80 },
  { code: '00004', name: 'Delta Power', capBn: 50 },
  { code: '00005', name: 'SFC Concentrated', capBn: 30, sfc: true },
  { code: '00006', name: 'Illiquid Co', capBn: 25, velocity: 0.0001 },
  { code: '00007', name: 'WVR Pass', capBn: 24, wvr: true, velocity: 0.003 },
  { code: '00008', name: 'WVR Low Turnover', capBn: 22, wvr: true, velocity: 0.0006 },
  { code: '00009', name: 'WVR New', capBn: 21, wvr: true, velocity: 0.005, listingDate: '2026-03-16' },
  { code: '00010', name: 'New A+H', capBn: 3.0, aShareExchange: 'SSE', listingDate: '2026-06-15' },
  { code: '00011', name: 'Secondary Co', capBn: 40, secondaryListing: true },
  { code: '00012', name: 'Some REIT', capBn: 12, type: 'REIT' },
  { code: '00013', name: 'Risk Alert H', capBn: 11, aShareExchange: 'SSE' },
  { code: '00014', name: 'AH Shanghai', capBn: 3.2, aShareExchange: 'SSE' },
  { code: '00015', name: 'AH Shenzhen', capBn: 2.8, aShareExchange: 'SZSE' },
  { code: '00016', name: 'Small Five', capBn: 5.0 },
  { code: '00017', name: 'Small Kept', capBn: 4.5 },
  { code: '00018', name: 'Small New', capBn: 4.5 },
  { code: '00019', name: 'Small Drop', capBn: 3.9 },
  { code: '00020', name: 'Tiny Constituent', capBn: 1.0 },
  { code: '00021', name: 'Band Keeper', capBn: 8 },
  { code: '00022', name: 'Band Waiter', capBn: 4.0 },
  { code: '00023', name: 'Long Suspended', capBn: 9, suspendedFrom: '2026-03-02' },
  { code: '00024', name: 'Briefly Suspended', capBn: 15, suspendedFrom: '2026-06-24' },
  ...Array.from({ length: 20 }, (_, i) => ({ code: `002${String(i + 1).padStart(2, '0')}`, name: `Filler ${i + 1}`, capBn: 2.6 })),
  { code: '02800', name: 'Tracker ETF', capBn: 100, type: 'ETF' },
  { code: '08001', name: 'GEM Co', capBn: 100, board: 'GEM' },
  { code: '80013', name: 'Alpha RMB counter', capBn: 10, currency: 'CNY' },
];

export const SCENARIO_HSCI_BEFORE = {
  '00001': 'LARGE', '00002': 'LARGE', '00004': 'MID', '00006': 'MID', '00007': 'MID', '00008': 'MID', '00011': 'MID',
  '00012': 'SMALL', '00013': 'SMALL', '00016': 'SMALL', '00017': 'SMALL', '00018': 'SMALL', '00019': 'SMALL',
  '00020': 'SMALL', '00021': 'SMALL', '00023': 'SMALL',
} as const;

export const SCENARIO_SH_BEFORE = ['00001', '00002', '00004', '00006', '00011', '00012', '00013', '00017', '00019', '00021', '00023', '02800', '80013'];
export const SCENARIO_SZ_BEFORE = ['00001', '00002', '00004', '00006', '00011', '00012', '00013', '00017', '00019', '00021', '02800'];

/** Opens a store at `path` through the real migrations and writes the scenario into it. */
export async function buildScenarioStore(path: string): Promise<Store> {
  const store = await openStore(path);
  writeMarket(store, SCENARIO_SECURITIES, { calendarFrom: '2025-01-01', calendarTo: '2026-12-31', dataFrom: '2025-02-03', dataTo: '2026-06-30' });
  // The A share of 00013 went under risk alert on 2026-05-04 (a dated change, in force on C).
  store.sqlite.prepare("INSERT INTO attribute_changes (code, date, field, value) VALUES ('00013', '2026-05-04', 'a_share_risk_alert', '1')").run();
  writeHsciList(store, '2026-03-09', { ...SCENARIO_HSCI_BEFORE });
  writeSouthboundList(store, '2026-03-09', 'SH', SCENARIO_SH_BEFORE);
  writeSouthboundList(store, '2026-03-09', 'SZ', SCENARIO_SZ_BEFORE);
  // A decoy snapshot dated after C: the review must use the lists in force on C, not this one.
  writeHsciList(store, '2026-07-02', { '00001': 'LARGE' });
  writeSouthboundList(store, '2026-07-02', 'SH', ['00001']);
  return store;
}
