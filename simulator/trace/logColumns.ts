// Log lines stored as columns. The platform's START, END and REPORT lines (F116-F118), three
// of every invocation's lines, are kept as a kind and a reference and formatted when read:
// START from its request id and version, END and REPORT from the invocation record (invocationColumns.ts).
// Every other line (handler output, errors, timeouts) keeps its text.
import { Column, columns, i32 } from './columns';
import type { InvocationColumns, RecordStrings } from './invocationColumns';
import type { LogLine } from './records';
import { UuidColumn } from './idColumns';
import type { UuidWords } from '../core/ids';
import { endLine, reportLine, startLine } from '../service/logFormat';

const TEXT = 0, START = 1, END = 2, REPORT = 3;

export class LogColumns {
  /**
   * fn, stream: interned (RecordStrings). ref: for TEXT an index into `texts`, for START into
   * `startIds`, for END and REPORT the invocation's index.
   */
  c = columns({ timeMs: 'f64', fn: 'i32', stream: 'i32', kind: 'u8', ref: 'i32' });
  /** Append-only, so a frozen copy shares it. */
  texts: string[] = [];
  startIds = new UuidColumn();
  /** The version each START names (F116), interned in `strings.versions`, by `startIds` index. */
  startVersions = i32();
  private sorted = true;
  private lastMs = -Infinity;

  /** `invocations`: where END and REPORT lines find their record (the same batch). */
  constructor(readonly strings: RecordStrings, readonly invocations: InvocationColumns) {}

  get length(): number {
    return this.c.timeMs.length;
  }

  private push(timeMs: number, fn: string, stream: string, kind: number, ref: number): void {
    this.pushIds(timeMs, this.strings.functions.id(fn), this.strings.streams.id(stream), kind, ref);
  }

  private pushIds(timeMs: number, fn: number, stream: number, kind: number, ref: number): void {
    if (timeMs < this.lastMs) this.sorted = false;
    else this.lastMs = timeMs;
    this.c.timeMs.push(timeMs);
    this.c.fn.push(fn);
    this.c.stream.push(stream);
    this.c.kind.push(kind);
    this.c.ref.push(ref);
  }

  text(timeMs: number, fn: string, stream: string, message: string): void {
    this.push(timeMs, fn, stream, TEXT, this.texts.push(message) - 1);
  }

  /** `idWords`: requestId's words when the caller has them. */
  start(timeMs: number, fn: string, stream: string, requestId: string, version: string, idWords?: UuidWords): void {
    const ref = this.startIds.length;
    this.startIds.push(requestId, idWords);
    this.startVersions.push(this.strings.versions.id(version));
    this.push(timeMs, fn, stream, START, ref);
  }

  /** END then REPORT of invocation `index`, at its end. */
  endAndReport(timeMs: number, fn: string, stream: string, index: number): void {
    const fnId = this.strings.functions.id(fn), streamId = this.strings.streams.id(stream);
    this.pushIds(timeMs, fnId, streamId, END, index);
    this.pushIds(timeMs, fnId, streamId, REPORT, index);
  }

  message(i: number): string {
    const ref = this.c.ref.data[i];
    switch (this.c.kind.data[i]) {
      case START: return startLine(this.startIds.at(ref)!, this.strings.versions.at(this.startVersions.data[ref]));
      case END: return endLine(this.invocations.requestId.at(ref)!);
      case REPORT: {
        const inv = this.invocations;
        return reportLine(inv.requestId.at(ref)!, inv.c.durationMs.data[ref], inv.c.billedDurationMs.data[ref], inv.c.memoryMB.data[ref],
          inv.c.memoryUsedMB.data[ref], inv.coldStart(ref) ? inv.c.initDurationMs.data[ref] : undefined);
      }
      default: return this.texts[ref];
    }
  }

  at(i: number): LogLine {
    const s = this.strings;
    return { timeMs: this.c.timeMs.data[i], function: s.functions.at(this.c.fn.data[i]), logStream: s.streams.at(this.c.stream.data[i]), message: this.message(i) };
  }

  /** Orders lines by time; ties keep the order they were written in (stable). */
  sort(): void {
    if (this.sorted) return;
    const n = this.length;
    const t = this.c.timeMs.data;
    const order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    order.sort((a, b) => t[a] - t[b] || a - b);
    for (const col of Object.values(this.c) as Column<Float64Array | Int32Array | Uint8Array>[]) {
      const from = col.data;
      const to = from.slice(0, n);
      for (let i = 0; i < n; i++) to[i] = from[order[i]];
      col.data = to;
    }
    this.sorted = true;
    this.lastMs = n ? t[order[n - 1]] : -Infinity;
  }

  /** An independent copy of the lines so far (a snapshot: later sorts don't reorder it). */
  frozen(): LogColumns {
    const copy = new LogColumns(this.strings, this.invocations);
    for (const [key, col] of Object.entries(this.c) as [keyof LogColumns['c'], Column<Float64Array | Int32Array | Uint8Array>][]) {
      const mine = copy.c[key] as Column<Float64Array | Int32Array | Uint8Array>;
      mine.data = col.trimmed();
      mine.length = col.length;
    }
    copy.texts = this.texts;
    copy.startIds = this.startIds;
    copy.startVersions = this.startVersions;
    copy.sorted = this.sorted;
    return copy;
  }
}
