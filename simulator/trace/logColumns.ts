// Log lines stored as columns. The platform's START, END and REPORT lines (F116-F118), three
// of every invocation's lines, are kept as a kind and a reference and formatted when read:
// START from its request id and version, END and REPORT from the invocation record (invocationColumns.ts).
// Every other line (handler output, errors, timeouts) keeps its text. A row is one line, except
// that an invocation's END and REPORT (same time, written together) share one row.
import { Column, columns, i32 } from './columns';
import type { InvocationColumns, RecordStrings } from './invocationColumns';
import type { LogLine } from './records';
import { UuidColumn } from './idColumns';
import type { UuidWords } from '../core/ids';
import { endLine, reportLine, startLine } from '../service/logFormat';

const TEXT = 0, START = 1, END = 2, REPORT = 3, END_REPORT = 4;

export class LogColumns {
  /**
   * One row per line or END_REPORT pair. fn, stream: interned (RecordStrings). ref: for TEXT an
   * index into `texts`, for START into `startIds`, for END_REPORT the invocation's index.
   */
  c = columns({ timeMs: 'f64', fn: 'i32', stream: 'i32', kind: 'u8', ref: 'i32' });
  /** END_REPORT rows so far: each is two lines. */
  pairs = 0;
  /** Line -> row * 2 + (1 for the REPORT of a pair), built on the first read after a write
   * (a # field: not an own enumerable one, so a packed batch never carries it). */
  #lines: Int32Array | undefined;
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
    return this.c.timeMs.length + this.pairs;
  }

  /** Row of line i times 2, plus 1 when it is the REPORT of an END_REPORT row. */
  private rowOf(i: number): number {
    if (this.pairs === 0) return 2 * i;
    let lines = this.#lines;
    if (lines === undefined || lines.length !== this.length) {
      lines = new Int32Array(this.length);
      const kind = this.c.kind.data;
      for (let row = 0, line = 0; row < this.c.kind.length; row++) {
        lines[line++] = 2 * row;
        if (kind[row] === END_REPORT) lines[line++] = 2 * row + 1;
      }
      this.#lines = lines;
    }
    return lines[i];
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

  /** END then REPORT of invocation `index`, at its end: one row. */
  endAndReport(timeMs: number, fn: string, stream: string, index: number): void {
    this.push(timeMs, fn, stream, END_REPORT, index);
    this.pairs++;
  }

  message(i: number): string {
    const x = this.rowOf(i);
    const row = x >> 1;
    const ref = this.c.ref.data[row];
    const kind = this.c.kind.data[row];
    switch (kind === END_REPORT ? (x & 1 ? REPORT : END) : kind) {
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
    const row = this.rowOf(i) >> 1;
    return { timeMs: this.c.timeMs.data[row], function: s.functions.at(this.c.fn.data[row]), logStream: s.streams.at(this.c.stream.data[row]), message: this.message(i) };
  }

  /** Orders lines by time; ties keep the order they were written in (stable). */
  sort(): void {
    if (this.sorted) return;
    this.#lines = undefined;
    const n = this.c.timeMs.length; // rows: an END_REPORT row moves as one
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
    copy.pairs = this.pairs;
    return copy;
  }
}
