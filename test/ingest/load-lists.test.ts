import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatInputIssue } from '../../src/domain/errors.js';
import { loadHsciFile } from '../../src/ingest/load-hsci.js';
import { loadSouthboundFile } from '../../src/ingest/load-southbound.js';
import { cleanTemp, countRows, expectStoreSound, openTempStore, tableChecksum, writeTemp } from './helpers.js';

afterEach(cleanTemp);

const SSE_JSON = resolve(process.cwd(), 'test/fixtures/real/sse-southbound-list-2026-08.json');

describe('ingest hsci', () => {
  it('stores the list as the snapshot of --as-of, and a reload replaces it', async () => {
    const store = await openTempStore();
    const first = writeTemp('h1.csv', 'code,segment\n700,LARGE\n5,mid\n');
    expect(await loadHsciFile(store, first, { strict: false, asOf: '2025-09-08' })).toMatchObject({ status: 'loaded', rowsStored: 2 });
    const second = writeTemp('h2.csv', 'segment,code\nSMALL,00001\n');
    await loadHsciFile(store, second, { strict: false, asOf: '2025-09-08' });
    expect(store.sqlite.prepare('SELECT as_of, code, segment FROM hsci_members').all()).toEqual([{ as_of: '2025-09-08', code: '00001', segment: 'SMALL' }]);
    expect(store.sqlite.prepare('SELECT list, as_of, source FROM list_snapshots').all()).toEqual([{ list: 'HSCI', as_of: '2025-09-08', source: second }]);
    const once = tableChecksum(store, 'hsci_members', 'as_of, code');
    await loadHsciFile(store, second, { strict: false, asOf: '2025-09-08' });
    expect(tableChecksum(store, 'hsci_members', 'as_of, code')).toBe(once);
    expectStoreSound(store);
    await store.close();
  });

  it('reports bad segments, bad codes and duplicates; strict stores nothing, not even the snapshot', async () => {
    const store = await openTempStore();
    const file = writeTemp('h.csv', 'code,segment\n700,LARGE\n700,MID\nABC,MID\n5,HUGE\n');
    const summary = await loadHsciFile(store, file, { strict: false, asOf: '2025-09-08' });
    expect(summary.issues.map(formatInputIssue)).toEqual([
      `${file}, line 3, field "code": an earlier line of this file already lists 00700`,
      `${file}, line 4, field "code": "ABC" is not a stock code (1 to 5 digits, such as 700 or 00700)`,
      `${file}, line 5, field "segment": "HUGE" is not one of LARGE/MID/SMALL`,
    ]);
    const strict = await loadHsciFile(store, file, { strict: true, asOf: '2025-12-08' });
    expect(strict.status).toBe('rejected');
    expect(store.sqlite.prepare("SELECT count(*) FROM list_snapshots WHERE as_of = '2025-12-08'").pluck().get()).toBe(0);
    expectStoreSound(store);
    await store.close();
  });

  it('needs a real --as-of date', async () => {
    const store = await openTempStore();
    const file = writeTemp('h.csv', 'code,segment\n700,LARGE\n');
    expect((await loadHsciFile(store, file, { strict: false })).fileIssue?.reason).toBe('a hsci list needs --as-of DATE (the date the list is in force from)');
    expect((await loadHsciFile(store, file, { strict: false, asOf: '2025-02-30' })).fileIssue).toMatchObject({ field: '--as-of', reason: '"2025-02-30" is not a real calendar date' });
    expect(countRows(store, 'list_snapshots')).toBe(0);
    await store.close();
  });
});

describe('ingest southbound', () => {
  it('loads the real SSE JSON download as it is (651 entries) with --channel', async () => {
    const store = await openTempStore();
    const summary = await loadSouthboundFile(store, SSE_JSON, { strict: true, asOf: '2026-08-31', channel: 'SH' });
    expect(summary).toMatchObject({ status: 'loaded', rowsRead: 651, rowsStored: 651, rowsRejected: 0 });
    const name = store.sqlite.prepare("SELECT name FROM southbound_members WHERE channel = 'SH' AND code = ?").pluck();
    expect(name.get('00001')).toBe('Ckh Holdings');
    expect(name.get('00005')).toBe('Hsbc Holdings');
    expect(name.get('00020')).toBe('Sensetime-W');
    expect(store.sqlite.prepare("SELECT count(*) FROM southbound_members WHERE channel = 'SZ'").pluck().get()).toBe(0);
    expect(store.sqlite.prepare('SELECT list, as_of FROM list_snapshots').all()).toEqual([{ list: 'SB_SH', as_of: '2026-08-31' }]);
    expectStoreSound(store);
    await store.close();
  });

  it('rejects the JSON download without --channel, and JSON that is not an object', async () => {
    const store = await openTempStore();
    expect((await loadSouthboundFile(store, SSE_JSON, { strict: false, asOf: '2026-08-31' })).fileIssue?.reason)
      .toBe('a southbound JSON list names no channel: give --channel SH or --channel SZ');
    // JavaScript enumerates integer-like keys ("2") first: that entry is stored, its zero-padded twin is the duplicate.
    const arr = writeTemp('a.json', '{\n"00001": ["x"],\n"00002": "Ok",\n"7A": "Bad",\n"2": "Dup"\n}');
    const summary = await loadSouthboundFile(store, arr, { strict: false, asOf: '2026-08-31', channel: 'SZ' });
    expect(summary.issues.map(formatInputIssue)).toEqual([
      `${arr}, line 2, field "name": for 00001: the name is not a text`,
      `${arr}, line 3, field "code": 00002 appears twice (written with and without leading zeros)`,
      `${arr}, line 4, field "code": "7A" is not a stock code (1 to 5 digits, such as 700 or 00700)`,
    ]);
    expect(summary).toMatchObject({ rowsRead: 4, rowsStored: 1, rowsRejected: 3 });
    expect(countRows(store, 'southbound_members')).toBe(1);
    expect((await loadSouthboundFile(store, writeTemp('b.json', '{"00001": '), { strict: false, asOf: '2026-08-31', channel: 'SZ' })).status).toBe('rejected');
    await store.close();
  });

  it('loads a CSV with channels (BOTH = SH and SZ) and replaces only the channels it names', async () => {
    const store = await openTempStore();
    await loadSouthboundFile(store, writeTemp('s0.csv', 'code,channel\n1,SZ\n'), { strict: false, asOf: '2025-09-08' });
    const file = writeTemp('s.csv', 'code,channel,name\n700,BOTH,Tencent\n5,SH,\n');
    const summary = await loadSouthboundFile(store, file, { strict: false, asOf: '2025-09-08' });
    expect(summary).toMatchObject({ status: 'loaded', rowsRead: 2, rowsStored: 2 });
    expect(store.sqlite.prepare('SELECT channel, code, name FROM southbound_members ORDER BY channel, code').all()).toEqual([
      { channel: 'SH', code: '00005', name: null },
      { channel: 'SH', code: '00700', name: 'Tencent' },
      { channel: 'SZ', code: '00700', name: 'Tencent' },
    ]);
    expectStoreSound(store);
    await store.close();
  });

  it('takes --channel for a code/name CSV without a channel column; reports bad channels and duplicates', async () => {
    const store = await openTempStore();
    const plain = writeTemp('p.csv', 'code,name\n700,Tencent\n');
    expect(await loadSouthboundFile(store, plain, { strict: false, asOf: '2025-09-08', channel: 'SZ' })).toMatchObject({ rowsStored: 1 });
    expect((await loadSouthboundFile(store, plain, { strict: false, asOf: '2025-09-08' })).fileIssue?.reason).toBe('the header lacks the required column "channel"');
    const bad = writeTemp('b.csv', 'code,channel\n700,SH\n700,BOTH\n5,HK\n');
    const summary = await loadSouthboundFile(store, bad, { strict: false, asOf: '2025-09-09' });
    expect(summary.issues.map(formatInputIssue)).toEqual([
      `${bad}, line 3, field "code": an earlier line of this file already lists 00700 on SH`,
      `${bad}, line 4, field "channel": "HK" is not one of SH/SZ/BOTH`,
    ]);
    await store.close();
  });
});
