// InvocationRecords stored as columns (one typed-array slot per field), in the order they
// were recorded (end order). Also keeps what the REPORT line needs (memory size and used), so
// END and REPORT lines are formatted from here when read instead of stored as strings.
import { columns, Interner } from './columns';
import type { InvocationRecord, InvocationStatus } from './records';
import { RequestIdColumn, UuidColumn } from './idColumns';
import type { UuidWords } from '../core/ids';

export const STATUSES: readonly InvocationStatus[] = ['success', 'error', 'timeout', 'crash'];
const COLD = 4;

/** Strings shared by every batch of one run (function names, environment ids, error types). */
export class RecordStrings {
  readonly functions = new Interner();
  readonly environments = new Interner();
  readonly errorTypes = new Interner();
  readonly sources = new Interner();
  readonly streams = new Interner();
  /** Function versions ('$LATEST', '3'): of START lines and of invocation records. */
  readonly versions = new Interner();
  readonly shards = new Interner();
}

export class InvocationColumns {
  readonly requestId = new UuidColumn();
  /**
   * fn, env, errorType, version: interned (RecordStrings; -1 for none: records of a function
   * without versions have no `version`). flags: status in bits 0-1, cold start in bit 2. Times
   * in virtual ms; billed in whole ms as the run's rules gave it (F45 steps, F27 Init), never
   * recomputed. memoryMB and memoryUsedMB are for the REPORT line only (F118; at most 10,240, F30).
   */
  readonly c = columns({
    fn: 'i32', env: 'i32', flags: 'u8', startMs: 'f64', endMs: 'f64', durationMs: 'f64', billedDurationMs: 'i32',
    initDurationMs: 'f64', version: 'i32', errorType: 'i32', memoryMB: 'u16', memoryUsedMB: 'u16',
  });
  /** The one request a run carried (most runs); batches keep their list in `batches`. */
  readonly firstRequestId = new RequestIdColumn();
  readonly batches = new Map<number, string[]>();
  readonly errorMessages = new Map<number, string>();

  constructor(readonly strings: RecordStrings) {}

  get length(): number {
    return this.c.fn.length;
  }

  /** Appends a record; returns its index (END and REPORT lines refer to it). */
  add(r: InvocationRecord, memoryMB: number, memoryUsedMB: number, idWords?: UuidWords): number {
    const s = this.strings;
    const i = this.c.fn.length;
    this.requestId.push(r.requestId, idWords);
    this.c.fn.push(s.functions.id(r.function));
    this.c.env.push(s.environments.id(r.environmentId));
    this.c.flags.push(STATUSES.indexOf(r.status) | (r.coldStart ? COLD : 0)); // indexOf: a keyed lookup by a varying string is megamorphic
    this.c.startMs.push(r.startMs);
    this.c.endMs.push(r.endMs);
    this.c.durationMs.push(r.durationMs);
    this.c.billedDurationMs.push(r.billedDurationMs);
    this.c.initDurationMs.push(r.initDurationMs ?? 0);
    this.c.version.push(s.versions.optionalId(r.version));
    this.c.errorType.push(s.errorTypes.optionalId(r.errorType));
    this.c.memoryMB.push(memoryMB);
    this.c.memoryUsedMB.push(memoryUsedMB);
    if (r.requestIds.length === 1) this.firstRequestId.push(r.requestIds[0]);
    else {
      this.firstRequestId.push(undefined);
      this.batches.set(i, r.requestIds.slice());
    }
    if (r.errorMessage !== undefined) this.errorMessages.set(i, r.errorMessage);
    return i;
  }

  coldStart(i: number): boolean {
    return (this.c.flags.data[i] & COLD) !== 0;
  }

  /** The record as it was written, keys in the order the engine writes them. */
  at(i: number): InvocationRecord {
    const s = this.strings;
    const status = STATUSES[this.c.flags.data[i] & 3];
    const first = this.firstRequestId.at(i);
    const r: InvocationRecord = {
      requestId: this.requestId.at(i)!, function: s.functions.at(this.c.fn.data[i]), environmentId: s.environments.at(this.c.env.data[i]),
      coldStart: this.coldStart(i), startMs: this.c.startMs.data[i], endMs: this.c.endMs.data[i], durationMs: this.c.durationMs.data[i],
      billedDurationMs: this.c.billedDurationMs.data[i], status,
      requestIds: first !== undefined ? [first] : this.batches.get(i)!.slice(),
    };
    if (r.coldStart) r.initDurationMs = this.c.initDurationMs.data[i];
    const version = this.c.version.data[i];
    if (version >= 0) r.version = s.versions.at(version);
    if (status !== 'success') {
      const type = this.c.errorType.data[i];
      if (type >= 0) r.errorType = s.errorTypes.at(type);
      const message = this.errorMessages.get(i);
      if (message !== undefined) r.errorMessage = message;
    }
    return r;
  }
}
