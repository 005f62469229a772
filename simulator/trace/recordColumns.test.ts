// The columnar stores give back exactly what was written: the same values, the same keys in
// the same order (JSON.stringify compares both), for any record the engine could write.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RequestIdColumn, UuidColumn } from './idColumns';
import { InvocationColumns, RecordStrings, STATUSES } from './invocationColumns';
import { LogColumns } from './logColumns';
import { recordList } from './recordList';
import { OUTCOMES, RequestColumns } from './requestColumns';
import type { InvocationRecord, RequestRecord } from './records';
import { endLine, reportLine, startLine } from '../service/logFormat';

const uuid = fc.uuid({ version: 4 });
/** Ids as the engine makes them, and any other string (kept aside, still read back). */
const anyId = fc.oneof(uuid, fc.nat().map((n) => `req-${n}`), fc.string());
const ms = fc.oneof(fc.integer({ min: 0, max: 10_000_000 }), fc.double({ min: 0, max: 1e7, noNaN: true }));

const invocationArb: fc.Arbitrary<InvocationRecord> = fc.record({
  requestId: anyId, function: fc.string(), environmentId: fc.string(), coldStart: fc.boolean(), initDurationMs: ms,
  startMs: ms, endMs: ms, durationMs: ms, billedDurationMs: fc.integer({ min: 1, max: 910_000 }), status: fc.constantFrom(...STATUSES),
  errorType: fc.string(), errorMessage: fc.string(), requestIds: fc.array(anyId, { maxLength: 3 }),
  version: fc.option(fc.constantFrom('$LATEST', '1', '12'), { nil: undefined }),
}).map(({ initDurationMs, version, errorType, errorMessage, ...r }) => {
  // The engine's key order: initDurationMs exactly on cold starts, the version of a function
  // that has versions, then the error pair on failures.
  const out: InvocationRecord = { ...r };
  if (r.coldStart) out.initDurationMs = initDurationMs;
  if (version !== undefined) out.version = version;
  if (r.status !== 'success') Object.assign(out, { errorType, errorMessage });
  return out;
});

describe('columnar records', () => {
  it('id columns read back every id pushed, UUIDs and req-<n> packed, any other string aside', () => {
    fc.assert(fc.property(fc.array(fc.option(anyId, { nil: undefined })), (ids) => {
      const uuids = new UuidColumn();
      const numbers = new RequestIdColumn();
      for (const id of ids) {
        uuids.push(id);
        numbers.push(id);
      }
      expect(ids.map((_, i) => uuids.at(i))).toEqual(ids);
      expect(ids.map((_, i) => numbers.at(i))).toEqual(ids);
    }));
  });

  it('invocation records read back equal, keys in the same order', () => {
    fc.assert(fc.property(fc.array(invocationArb, { maxLength: 40 }), (records) => {
      const columns = new InvocationColumns(new RecordStrings());
      for (const r of records) columns.add(r, 128, 76);
      expect(records.map((_, i) => JSON.stringify(columns.at(i)))).toEqual(records.map((r) => JSON.stringify(r)));
      expect(records.map((_, i) => columns.at(i))).toEqual(records);
    }));
  });

  it('request records read back as their source left them at the outcome, unfinished ones as the live object', () => {
    const requestArb = fc.record({
      n: fc.nat(), source: fc.string(), function: fc.string(), arrivedMs: ms, outcome: fc.constantFrom(...OUTCOMES), attempts: fc.nat(9),
      finishedMs: fc.option(ms, { nil: undefined }), invocationIds: fc.array(uuid, { maxLength: 3 }), shardId: fc.option(fc.string(), { nil: undefined }),
      statusCode: fc.option(fc.integer({ min: 200, max: 599 }), { nil: undefined }), early: fc.boolean(),
      response: fc.option(fc.jsonValue(), { nil: undefined, freq: 2 }),
      lineage: fc.option(fc.record({ chainId: fc.string(), depth: fc.nat(20) }), { nil: undefined }),
    });
    fc.assert(fc.property(fc.uniqueArray(requestArb, { selector: (r) => r.n, maxLength: 30 }), (specs) => {
      const columns = new RequestColumns(new RecordStrings());
      const sorted = [...specs].sort((a, b) => a.n - b.n); // the ledger hands ids out in order
      const written = sorted.map((s) => {
        const r: RequestRecord = { id: `req-${s.n}`, source: s.source, function: s.function, arrivedMs: s.arrivedMs, outcome: 'unfinished', attempts: 0, invocationIds: [] };
        if (s.lineage) r.lineage = s.lineage; // createRequest sets it before the request is recorded
        columns.add(r);
        return { r, s };
      });
      for (const { r, s } of written) {
        // As a source and the service write it: shard and an early status first, then the outcome.
        if (s.shardId !== undefined) r.shardId = s.shardId;
        if (s.statusCode !== undefined && s.early) r.statusCode = s.statusCode;
        r.attempts = s.attempts;
        r.invocationIds = s.invocationIds;
        if (s.outcome === 'unfinished') continue;
        r.outcome = s.outcome;
        if (s.finishedMs !== undefined) r.finishedMs = s.finishedMs;
        if (s.statusCode !== undefined && !s.early) r.statusCode = s.statusCode;
        if (s.response !== undefined) r.response = s.response;
        columns.finished(r, s.statusCode !== undefined && s.early);
      }
      written.forEach(({ r }, slot) => {
        const read = columns.at(slot);
        expect(JSON.stringify(read)).toBe(JSON.stringify(r));
        expect(read).toEqual(r);
        if (r.outcome === 'unfinished') expect(read).toBe(r);
      });
    }));
  });

  it('log lines: START, END and REPORT formatted on read as logFormat writes them, every line in time order (stable)', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 50 }), invocationArb, fc.boolean()), { maxLength: 30 }), (rows) => {
      const strings = new RecordStrings();
      const invocations = new InvocationColumns(strings);
      const logs = new LogColumns(strings, invocations);
      const expected: { timeMs: number; function: string; logStream: string; message: string }[] = [];
      for (const [t, r, other] of rows) {
        const line = (message: string, timeMs = t) => expected.push({ timeMs, function: r.function, logStream: 's', message });
        if (other) {
          logs.text(t, r.function, 's', `hello ${r.requestId}`);
          line(`hello ${r.requestId}`);
          continue;
        }
        logs.start(t, r.function, 's', r.requestId, t % 2 ? '$LATEST' : '7');
        line(startLine(r.requestId, t % 2 ? '$LATEST' : '7'));
        logs.endAndReport(t + 1, r.function, 's', invocations.add(r, 512, 76));
        line(endLine(r.requestId), t + 1);
        line(reportLine(r.requestId, r.durationMs, r.billedDurationMs, 512, 76, r.coldStart ? r.initDurationMs : undefined), t + 1);
      }
      logs.sort();
      const stable = expected.map((l, i) => ({ l, i })).sort((a, b) => a.l.timeMs - b.l.timeMs || a.i - b.i).map((x) => x.l);
      expect(Array.from({ length: logs.length }, (_, i) => logs.at(i))).toEqual(stable);
    }));
  });

  it('a record list reads like an array and turns into one on the first write', () => {
    const source = [{ a: 1 }, { a: 2 }, { a: 3 }];
    const list = recordList({ length: 3, at: (i) => ({ ...source[i] }) });
    expect(Array.isArray(list)).toBe(true);
    expect(list).toHaveLength(3);
    expect(list[1]).toEqual({ a: 2 });
    expect(list[3]).toBeUndefined();
    expect([...list]).toEqual(source);
    expect(JSON.stringify(list)).toBe(JSON.stringify(source));
    expect(list.slice(1).map((x) => x.a)).toEqual([2, 3]);
    expect(Object.keys(list)).toEqual(['0', '1', '2']);
    list.sort((x, y) => y.a - x.a);
    list.push({ a: 0 });
    expect(list.map((x) => x.a)).toEqual([3, 2, 1, 0]);
    list[0].a = 9; // after the first write it holds its records
    expect(list[0].a).toBe(9);
  });
});
