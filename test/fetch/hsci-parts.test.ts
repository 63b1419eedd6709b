import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mirrorPath, partsProblem, resolveHsciParts, type HsciPartKey } from '../../src/fetch/hsci-parts.js';
import { checkHsciGroup, describeSegments, inspectHsciPart } from '../../src/fetch/inspect-hsci-parts.js';
import { hangSengExport, REAL_HSCI, realConstituents } from '../files/hsci-exports.js';

describe('which exports make a list with segments (partsProblem)', () => {
  it.each<[HsciPartKey[], boolean]>([
    [['hsci', 'large', 'mid', 'small'], true],
    [['hsci', 'large', 'mid'], true], // two of three: the third is what is left
    [['hsci', 'mid', 'small'], true],
    [['hsci', 'large-mid', 'large'], true],
    [['hsci', 'large-mid', 'small'], true],
    [['hsci', 'large'], false], // one size export: mid and small stay open
    [['hsci', 'large-mid'], false],
    [['hsci'], false],
    [['large', 'mid', 'small'], false], // no HSCI export
  ])('%j: %s', (keys, ok) => {
    expect(partsProblem(keys) === null).toBe(ok);
  });
});

describe('resolveHsciParts', () => {
  it('--base-url: the four exports in the mirror layout; --url: exactly the parts named, a bare URL being the HSCI export', () => {
    expect(resolveHsciParts([], 'http://m/x/')).toEqual([
      { key: 'hsci', url: 'http://m/x/hsci.xlsx' }, { key: 'large', url: 'http://m/x/hsci-largecap.xlsx' },
      { key: 'mid', url: 'http://m/x/hsci-midcap.xlsx' }, { key: 'small', url: 'http://m/x/hsci-smallcap.xlsx' },
    ]);
    expect(mirrorPath('large-mid')).toBe('/hsci-largecap-midcap.xlsx');
    expect(resolveHsciParts(['http://a/h', 'large-mid=http://a/lm', 'small=http://a/s'], 'http://ignored')).toEqual([
      { key: 'hsci', url: 'http://a/h' }, { key: 'large-mid', url: 'http://a/lm' }, { key: 'small', url: 'http://a/s' },
    ]);
    expect(resolveHsciParts(['hsci=ftp://a'], undefined)).toBe('--url "hsci=ftp://a" is not an http(s) address');
  });
});

describe('inspectHsciPart and checkHsciGroup (pure)', () => {
  const all = realConstituents();
  const real = readFileSync(REAL_HSCI);

  it('the real export passes as the hsci part and is refused as the small part', () => {
    const ok = inspectHsciPart('hsci', real, 'h');
    expect(ok.ok && ok.rows.length === 503 && ok.asOf === '2025-11-21').toBe(true);
    expect(inspectHsciPart('small', real, 'h')).toEqual({ ok: false, reason: 'the small address served the export of the Hang Seng Composite Index, not of the SmallCap index' });
  });

  it('an export with a bad row is refused whole, naming the first bad line', () => {
    const bad = hangSengExport('Hang Seng Composite LargeCap Index', 45982, [...all.slice(0, 3), { code: 'ABC', name: 'X' }]);
    const r = inspectHsciPart('large', bad, 'l');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(/^the export has 1 bad row \(first: line 5, Stock Code: /);
  });

  it('groups: segments counted; a size-export code outside the HSCI is a problem of the set', () => {
    const rows = (key: HsciPartKey, index: string, members: typeof all) => {
      const r = inspectHsciPart(key, hangSengExport(index, 45982, members), key);
      if (!r.ok) throw new Error(r.reason);
      return { key, rows: r.rows, asOf: r.asOf };
    };
    const hsci = rows('hsci', 'Hang Seng Composite Index', all.slice(0, 10));
    const good = checkHsciGroup([hsci, rows('large', 'Hang Seng Composite LargeCap Index', all.slice(0, 2)), rows('mid', 'Hang Seng Composite MidCap Index', all.slice(2, 5))]);
    expect(good.ok && describeSegments(good.members)).toBe('2 LARGE, 3 MID, 5 SMALL');
    const outside = checkHsciGroup([hsci, rows('large', 'Hang Seng Composite LargeCap Index', all.slice(0, 2)), rows('mid', 'Hang Seng Composite MidCap Index', all.slice(2, 11))]);
    expect(outside).toEqual({ ok: false, reason: `the exports do not make one list: ${all[10]!.code} is in the MidCap export of 2025-11-21 but not in its Hang Seng Composite Index export` });
  });
});
