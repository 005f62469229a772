// A batch of columnar records as a plain message for postMessage: typed arrays (transferred,
// not copied), the few strings the receiver has not seen yet, and plain environment records.
// The receiver unpacks it into the same record lists takeRecords() gives (built on read).
import { Column, Interner } from './columns';
import { InvocationColumns, RecordStrings } from './invocationColumns';
import { LogColumns } from './logColumns';
import { recordList } from './recordList';
import type { EnvironmentRecord, InvocationRecord, LogLine, RequestRecord } from './records';
import { RequestColumns } from './requestColumns';

type Plain = { [key: string]: unknown };

export interface PackedRecords {
  /** Strings interned since the previous packed batch, per table. */
  strings: Record<string, string[]>;
  invocations: Plain;
  logs: Plain;
  requests: Plain;
  /** The request slots handed over (finished ones), in order. */
  finished: Int32Array;
  environments: EnvironmentRecord[];
  /** False when the scenario turned invocation records off (END/REPORT lines still need them). */
  invocationsKept: boolean;
}

/** Links to shared state (re-made on unpack) and the live request objects (never sent). */
const SKIP = new Set(['strings', 'invocations', 'live', 'responses', 'responseRefs']);

/** Own fields of a store, typed arrays trimmed (their buffers go to `transfer`), maps as entries. */
function pack(store: object, transfer: ArrayBuffer[]): Plain {
  const out: Plain = {};
  for (const [key, value] of Object.entries(store)) {
    if (SKIP.has(key)) continue;
    if (value instanceof Column) {
      const data = value.trimmed();
      transfer.push(data.buffer as ArrayBuffer);
      out[key] = data;
    } else if (value instanceof Map) out[key] = [...value];
    else if (value !== null && typeof value === 'object' && !Array.isArray(value)) out[key] = pack(value, transfer);
    else out[key] = value;
  }
  return out;
}

/** The reverse of pack() into a fresh store of the same class. */
function unpack<T extends object>(into: T, packed: Plain): T {
  const target = into as unknown as Plain;
  for (const [key, value] of Object.entries(packed)) {
    const field = target[key];
    if (field instanceof Column) {
      field.data = value as never;
      field.length = (value as ArrayLike<number>).length;
    } else if (field instanceof Map) target[key] = new Map(value as [unknown, unknown][]);
    else if (field !== null && typeof field === 'object' && !Array.isArray(field)) unpack(field, value as Plain);
    else target[key] = value;
  }
  return into;
}

/** How many strings of each table were already sent, so each goes once. */
export type SentStrings = Record<string, number>;

export function packRecords(
  strings: RecordStrings, sent: SentStrings, batch: { invocations: InvocationColumns; logs: LogColumns; requests: RequestColumns },
  finished: number[], environments: EnvironmentRecord[], invocationsKept: boolean,
): { packed: PackedRecords; transfer: ArrayBuffer[] } {
  const transfer: ArrayBuffer[] = [];
  const newStrings: Record<string, string[]> = {};
  for (const [name, table] of Object.entries(strings) as [string, Interner][]) {
    newStrings[name] = table.strings.slice(sent[name] ?? 0);
    sent[name] = table.strings.length;
  }
  const slots = Int32Array.from(finished);
  transfer.push(slots.buffer);
  const packed: PackedRecords = {
    strings: newStrings, invocations: pack(batch.invocations, transfer), logs: pack(batch.logs, transfer),
    requests: pack(batch.requests, transfer), finished: slots, environments, invocationsKept,
  };
  return { packed, transfer };
}

export interface UnpackedRecords {
  requests: RequestRecord[];
  invocations: InvocationRecord[];
  environments: EnvironmentRecord[];
  logs: LogLine[];
}

/**
 * A packed batch as record lists (built on read). `strings` is the receiver's copy of the
 * sender's tables: keep one per simulation and pass it to every unpack, in order.
 */
export function unpackRecords(packed: PackedRecords, strings: RecordStrings): UnpackedRecords {
  for (const [name, added] of Object.entries(packed.strings)) {
    const table = (strings as unknown as Record<string, Interner>)[name];
    for (const s of added) table.id(s);
  }
  const invocations = unpack(new InvocationColumns(strings), packed.invocations);
  const logs = unpack(new LogColumns(strings, invocations), packed.logs);
  const requests = unpack(new RequestColumns(strings), packed.requests);
  const finished = packed.finished;
  return {
    requests: recordList({ length: finished.length, at: (i) => requests.at(finished[i]) }),
    invocations: packed.invocationsKept ? recordList(invocations) : [],
    environments: packed.environments,
    logs: recordList(logs),
  };
}
