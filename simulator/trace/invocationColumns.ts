// InvocationRecords stored as columns (one typed-array slot per field), in the order they
// were recorded (end order). Also keeps what the REPORT line needs (memory size and used), so
// END and REPORT lines are formatted from here when read instead of stored as strings.
import { Column, f64, i32, u16, u8, Interner } from './columns';
import type { InvocationRecord, InvocationStatus } from './records';
import { RequestIdColumn, UuidColumn } from './idColumns';

export const STATUSES: readonly InvocationStatus[] = ['success', 'error', 'timeout', 'crash'];
const STATUS_ID: Record<InvocationStatus, number> = { success: 0, error: 1, timeout: 2, crash: 3 };
const COLD = 4; // flags: status in bits 0-1, cold start in bit 2

/** Strings shared by every batch of one run (function names, environment ids, error types). */
export class RecordStrings {
  readonly functions = new Interner();
  readonly environments = new Interner();
  readonly errorTypes = new Interner();
  readonly sources = new Interner();
  readonly streams = new Interner();
  readonly shards = new Interner();
}

export class InvocationColumns {
  readonly requestId = new UuidColumn();
  readonly fn: Column<Int32Array> = i32();
  readonly env: Column<Int32Array> = i32();
  readonly flags: Column<Uint8Array> = u8();
  readonly startMs: Column<Float64Array> = f64();
  readonly endMs: Column<Float64Array> = f64();
  readonly durationMs: Column<Float64Array> = f64();
  readonly billedDurationMs: Column<Int32Array> = i32(); // F45: whole ms
  readonly initDurationMs: Column<Float64Array> = f64();
  readonly errorType: Column<Int32Array> = i32();
  readonly memoryMB: Column<Uint16Array> = u16(); // at most 10,240 (F30)
  readonly memoryUsedMB: Column<Uint16Array> = u16();
  /** The one request a run carried (most runs); batches keep their list in `batches`. */
  readonly firstRequestId = new RequestIdColumn();
  readonly batches = new Map<number, string[]>();
  readonly errorMessages = new Map<number, string>();

  constructor(readonly strings: RecordStrings) {}

  get length(): number {
    return this.fn.length;
  }

  /** Appends a record; returns its index (END and REPORT lines refer to it). */
  add(r: InvocationRecord, memoryMB: number, memoryUsedMB: number): number {
    const s = this.strings;
    const i = this.fn.length;
    this.requestId.push(r.requestId);
    this.fn.push(s.functions.id(r.function));
    this.env.push(s.environments.id(r.environmentId));
    this.flags.push(STATUS_ID[r.status] | (r.coldStart ? COLD : 0));
    this.startMs.push(r.startMs);
    this.endMs.push(r.endMs);
    this.durationMs.push(r.durationMs);
    this.billedDurationMs.push(r.billedDurationMs);
    this.initDurationMs.push(r.initDurationMs ?? 0);
    this.errorType.push(s.errorTypes.optionalId(r.errorType));
    this.memoryMB.push(memoryMB);
    this.memoryUsedMB.push(memoryUsedMB);
    if (r.requestIds.length === 1) this.firstRequestId.push(r.requestIds[0]);
    else {
      this.firstRequestId.push(undefined);
      this.batches.set(i, r.requestIds.slice());
    }
    if (r.errorMessage !== undefined) this.errorMessages.set(i, r.errorMessage);
    return i;
  }

  coldStart(i: number): boolean {
    return (this.flags.data[i] & COLD) !== 0;
  }

  /** The record as it was written, keys in the order the engine writes them. */
  at(i: number): InvocationRecord {
    const s = this.strings;
    const status = STATUSES[this.flags.data[i] & 3];
    const first = this.firstRequestId.at(i);
    const r: InvocationRecord = {
      requestId: this.requestId.at(i)!, function: s.functions.at(this.fn.data[i]), environmentId: s.environments.at(this.env.data[i]),
      coldStart: this.coldStart(i), startMs: this.startMs.data[i], endMs: this.endMs.data[i], durationMs: this.durationMs.data[i],
      billedDurationMs: this.billedDurationMs.data[i], status,
      requestIds: first !== undefined ? [first] : this.batches.get(i)!.slice(),
    };
    if (r.coldStart) r.initDurationMs = this.initDurationMs.data[i];
    if (status !== 'success') {
      const type = this.errorType.data[i];
      if (type >= 0) r.errorType = s.errorTypes.at(type);
      const message = this.errorMessages.get(i);
      if (message !== undefined) r.errorMessage = message;
    }
    return r;
  }
}
