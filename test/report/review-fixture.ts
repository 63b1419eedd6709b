import type {
  Channel, HsciOutcome, ReviewResult, RuleOutcome, Segment, SecurityDecision, SouthboundPath,
} from '../../src/domain/types.js';

/** Southbound state of one fixture security on one channel. */
interface SbState { before: boolean; after: boolean; path?: SouthboundPath; rule?: string; reason?: string }
interface Spec {
  code: string; name: string; capHkd: number | null; outcome?: HsciOutcome; was?: boolean; is?: boolean;
  segBefore?: Segment | null; segAfter?: Segment | null; borderline?: boolean; sh?: SbState; sz?: SbState;
  checks?: RuleOutcome[];
}

const OFF: SbState = { before: false, after: false };

/**
 * Builds decisions from specs: ranks by cap (ties by code) and computes cumulative coverage exactly
 * as docs/methodology.md §6.1 does, so the chart sees a real curve.
 */
export function buildDecisions(specs: readonly Spec[]): SecurityDecision[] {
  const ranked = specs.filter((s) => s.capHkd !== null).sort((a, b) => b.capHkd! - a.capHkd! || a.code.localeCompare(b.code));
  const total = ranked.reduce((t, s) => t + s.capHkd!, 0);
  let running = 0;
  const rankOf = new Map<string, { rank: number; coverage: number }>();
  ranked.forEach((s, i) => {
    running += s.capHkd!;
    rankOf.set(s.code, { rank: i + 1, coverage: running / total });
  });
  const sb = (s: SbState, ch: Channel) => ({
    before: s.before, after: s.after, path: s.path ?? null, rule: s.rule ?? (s.after ? 'sb-hsci-path' : 'sb-not-eligible'),
    reason: s.reason ?? (s.after ? `eligible on ${ch}` : `not eligible on ${ch}`),
  });
  return specs.map((s) => {
    const r = rankOf.get(s.code);
    return {
      code: s.code, name: s.name, inUniverse: r !== undefined, rank: r?.rank ?? null, avgMarketCapHkd: s.capHkd,
      coverage: r?.coverage ?? null, wasConstituent: s.was ?? true, isConstituent: s.is ?? true,
      segmentBefore: s.segBefore ?? null, segmentAfter: s.segAfter ?? null, hsciOutcome: s.outcome ?? 'KEEP',
      southbound: { SH: sb(s.sh ?? OFF, 'SH'), SZ: sb(s.sz ?? OFF, 'SZ') },
      summary: `${s.outcome ?? 'KEEP'} ${s.code}`, borderline: s.borderline ?? false,
      checks: r ? [{
        rule: 'hsci-coverage-add', section: '§6.1', outcome: r.coverage <= 0.94 ? 'pass' as const : 'fail' as const,
        detail: `coverage ${(r.coverage * 100).toFixed(2)}% against the 94% add line`, value: r.coverage, threshold: 0.94,
        distance: r.coverage - 0.94, borderline: s.borderline ?? false,
      }, ...(s.checks ?? [])] : [],
    };
  }).sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9) || a.code.localeCompare(b.code));
}

const BN = 1e9;
const KEEP_SB: SbState = { before: true, after: true, path: 'HSCI_LARGE' };

function fillers(from: number, count: number, capBn: number, segment: Segment): Spec[] {
  return Array.from({ length: count }, (_, i) => {
    const code = String(from + i).padStart(5, '0');
    return { code, name: `Filler ${code}`, capHkd: capBn * BN, segBefore: segment, segAfter: segment };
  });
}

/**
 * The universe of the fixture, ranked by cap: 47 names whose cumulative coverage puts Kingdee just
 * inside the 94% add line, Netdragon just outside it, Tail Holdings past the 96% delete line and a
 * handful of SmallCap names around the HK$4bn / HK$5bn Southbound lines.
 */
const SPECS: Spec[] = [
  { code: '00700', name: 'Tencent', capHkd: 1_500 * BN, segBefore: 'LARGE', segAfter: 'LARGE', sh: KEEP_SB, sz: KEEP_SB },
  { code: '00005', name: 'Hsbc Holdings', capHkd: 900 * BN, segBefore: 'LARGE', segAfter: 'LARGE', sh: KEEP_SB, sz: KEEP_SB },
  { code: '09988', name: 'Alibaba-W', capHkd: 700 * BN, segBefore: 'LARGE', segAfter: 'LARGE', sh: KEEP_SB, sz: KEEP_SB },
  ...fillers(1001, 5, 150, 'LARGE'),
  { code: '00003', name: 'Hk & China Gas', capHkd: 120 * BN, segBefore: 'MID', segAfter: 'MID' },
  { code: '02259', name: 'Zijin Gold', capHkd: 95 * BN, outcome: 'ADD', was: false, segAfter: 'MID',
    sh: { before: false, after: true, path: 'HSCI_MID' }, sz: { before: false, after: true, path: 'HSCI_MID' } },
  { code: '01234', name: 'Lowly Liquid', capHkd: 80 * BN, outcome: 'REMOVE', is: false, segBefore: 'MID',
    sh: { before: true, after: false, rule: 'sb-not-constituent', reason: 'no longer an HSCI constituent' } },
  { code: '00016', name: 'Shk Ppt', capHkd: 60 * BN, segBefore: 'MID', segAfter: 'MID' },
  { code: '02888', name: 'Standard Chartered', capHkd: 40 * BN, segBefore: 'MID', segAfter: 'MID' },
  ...fillers(2001, 9, 38, 'MID'),
  { code: '00268', name: 'Kingdee', capHkd: 33 * BN, outcome: 'ADD', was: false, segAfter: 'SMALL', borderline: true },
  { code: '00777', name: 'Netdragon <B> "Co" | *ST', capHkd: 20 * BN, outcome: 'WAIT', was: false, is: false, borderline: true },
  ...fillers(3001, 7, 17, 'SMALL'),
  { code: '02507', name: 'Tail Holdings', capHkd: 14 * BN, outcome: 'REMOVE', is: false, segBefore: 'SMALL' },
  ...fillers(4001, 14, 9, 'SMALL'),
  { code: '00123', name: 'Yuexiu Ppt', capHkd: 6.2 * BN, segBefore: 'SMALL', segAfter: 'SMALL',
    sz: { before: false, after: true, path: 'HSCI_SMALL', rule: 'sb-smallcap-in' },
    checks: [{ rule: 'sb-smallcap-in', section: '§7.1', outcome: 'pass', detail: 'average cap HK$6.20bn at or over HK$5bn', value: 6.2 * BN, threshold: 5 * BN, distance: 1.2 * BN }] },
  { code: '00456', name: 'Just Kept', capHkd: 4.3 * BN, segBefore: 'SMALL', segAfter: 'SMALL',
    sh: { before: true, after: true, path: 'HSCI_SMALL_RETAINED' }, borderline: true },
  { code: '00789', name: 'Fell Below', capHkd: 3.7 * BN, segBefore: 'SMALL', segAfter: 'SMALL',
    sz: { before: true, after: false, rule: 'sb-smallcap-keep', reason: 'average cap HK$3.70bn under the HK$4bn keep line' }, borderline: true },
  { code: '00321', name: 'Small Fry', capHkd: 2.9 * BN, was: false, is: false, outcome: 'WAIT' },
  ...fillers(5001, 4, 2, 'SMALL'),
  { code: '00999', name: 'Gone Private', capHkd: null, outcome: 'REMOVE', is: false, segBefore: 'SMALL' },
];

/** A small hand-built review: two adds, three removes, Southbound moves on both channels, one pending, borderline names. */
export function buildReviewFixture(): ReviewResult {
  const decisions = buildDecisions(SPECS);
  const at = (code: string) => decisions.find((d) => d.code === code)!;
  const cov = (code: string) => at(code).coverage!;
  const pts = (code: string, line: number) => `${(Math.abs(cov(code) - line) * 100).toFixed(2)} points ${cov(code) <= line ? 'inside' : 'past'} the ${line * 100}% line`;
  const reasonAdd = 'coverage at or under the add line, liquid, not suspended';
  return {
    cutoff: '2026-06-30', effectiveDate: '2026-09-07', kind: 'semi-annual', methodology: 'hsci-2025',
    hsci: {
      add: [
        { code: '00268', name: 'Kingdee', segment: 'SMALL', avgMarketCapHkd: 33 * BN, coverage: cov('00268'), reason: reasonAdd, rule: 'hsci-coverage-add', distance: pts('00268', 0.94), borderline: true },
        { code: '02259', name: 'Zijin Gold', segment: 'MID', avgMarketCapHkd: 95 * BN, coverage: cov('02259'), reason: reasonAdd, rule: 'hsci-coverage-add', distance: pts('02259', 0.94), borderline: false },
      ],
      remove: [
        { code: '00999', name: 'Gone Private', avgMarketCapHkd: null, coverage: null, reason: 'delisted on or before the cut-off', rule: 'hsci-left-universe', distance: '', borderline: false },
        { code: '01234', name: 'Lowly Liquid', avgMarketCapHkd: 80 * BN, coverage: cov('01234'), reason: 'failed liquidity: 9 of 12 months passed', rule: 'hsci-liquidity', distance: '1 month short of 10', borderline: false },
        { code: '02507', name: 'Tail Holdings', avgMarketCapHkd: 14 * BN, coverage: cov('02507'), reason: 'coverage past the delete line', rule: 'hsci-coverage-delete', distance: pts('02507', 0.96), borderline: true },
      ],
      constituents: decisions.filter((d) => d.isConstituent && d.segmentAfter).map((d) => ({ code: d.code, segment: d.segmentAfter! }))
        .sort((a, b) => a.code.localeCompare(b.code)),
    },
    southbound: {
      SH: {
        add: [{ code: '02259', name: 'Zijin Gold', path: 'HSCI_MID', reason: 'HSCI MidCap constituent after the review', rule: 'sb-hsci-path', borderline: false }],
        remove: [{ code: '01234', name: 'Lowly Liquid', reason: 'no longer an HSCI constituent', rule: 'sb-not-constituent', borderline: false }],
      },
      SZ: {
        add: [
          { code: '00123', name: 'Yuexiu Ppt', path: 'HSCI_SMALL', reason: 'SmallCap with average cap HK$6.20bn at or over HK$5bn', rule: 'sb-smallcap-in', borderline: false },
          { code: '02259', name: 'Zijin Gold', path: 'HSCI_MID', reason: 'HSCI MidCap constituent after the review', rule: 'sb-hsci-path', borderline: false },
        ],
        remove: [{ code: '00789', name: 'Fell Below', reason: 'average cap HK$3.70bn under the HK$4bn keep line', rule: 'sb-smallcap-keep', borderline: true }],
      },
    },
    pending: [{ code: '06666', event: 'A_PLUS_H_STABILISATION', date: '2026-07-15', name: 'New A+H Co', channels: ['SH', 'SZ'], reason: 'stabilisation ends 2026-07-14' }],
    warnings: ['00321: 3 trading days without a daily record were left out of the average (data gap, §3).', 'A warning with <script>alert(1)</script> & friends.'],
    borderline: [
      { code: '00268', name: 'Kingdee', line: 'coverage add 94%', value: cov('00268'), threshold: 0.94, distance: pts('00268', 0.94), outcome: 'ADD' },
      { code: '00456', name: 'Just Kept', line: 'southbound keep HK$4bn', value: 4.3 * BN, threshold: 4 * BN, distance: '+HK$0.30bn', outcome: 'KEEP' },
      { code: '00777', name: 'Netdragon <B> "Co" | *ST', line: 'coverage add 94%', value: cov('00777'), threshold: 0.94, distance: pts('00777', 0.94), outcome: 'WAIT' },
      { code: '00789', name: 'Fell Below', line: 'southbound keep HK$4bn', value: 3.7 * BN, threshold: 4 * BN, distance: '-HK$0.30bn', outcome: 'REMOVE' },
      { code: '02507', name: 'Tail Holdings', line: 'coverage delete 96%', value: cov('02507'), threshold: 0.96, distance: pts('02507', 0.96), outcome: 'REMOVE' },
    ],
    decisions,
    lines: { coverageAdd: 0.94, coverageDelete: 0.96, largeCap: 0.8, midCap: 0.95, smallCapInHkd: 5 * BN, smallCapKeepHkd: 4 * BN },
  };
}
