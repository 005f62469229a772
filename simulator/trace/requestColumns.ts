// RequestRecords in creation order. A request is a live object while it is unfinished (its
// source still updates it); when it gets its outcome it is written into columns and the
// store lets go of the object.
import { columns, i32 } from './columns';
import type { RecordStrings } from './invocationColumns';
import type { Lineage, RequestOutcome, RequestRecord } from './records';
import { RequestIdColumn, UuidColumn } from './idColumns';
import { LiveRequests } from './liveRequests';

export const OUTCOMES: readonly RequestOutcome[] = ['succeeded', 'failed', 'throttled', 'dead-lettered', 'discarded', 'unfinished'];
const UNFINISHED = OUTCOMES.indexOf('unfinished');
// flags: the key order the source gave the record, and which optional fields it has
const STATUS_EARLY = 1, HAS_RESPONSE = 2, HAS_SHARD = 4, HAS_STATUS = 8;

export class RequestColumns {
  readonly id = new RequestIdColumn();
  /** source, fn, shard: interned (RecordStrings). The rest is written at the outcome. */
  readonly c = columns({
    source: 'i32', fn: 'i32', arrivedMs: 'f64', outcome: 'u8', attempts: 'i32', finishedMs: 'f64', statusCode: 'i32', shard: 'i32', flags: 'u8',
  });
  /** The one invocation that carried it (most requests); others keep their list in `lists`. */
  readonly firstInvocationId = new UuidColumn();
  readonly lists = new Map<number, string[]>();
  /**
   * Responses, each once per run of the same value (most requests share one: null, or the
   * model's default): `responseRefs` holds the index by slot. A list with a slot per request
   * would be a million-entry array for every scavenge to scan.
   */
  readonly responses: unknown[] = [];
  readonly responseRefs = i32();
  /** F95 lineage of requests an SDK call started, by slot (plain data, so it packs as entries). */
  readonly lineages = new Map<number, Lineage>();
  /** Unfinished requests, by slot (a few at a time: a map, not a slot per request). */
  readonly live = new LiveRequests();

  constructor(readonly strings: RecordStrings) {}

  get length(): number {
    return this.c.source.length;
  }

  /** Every unfinished request with its slot. */
  *unfinishedSlots(): Iterable<[RequestRecord, number]> {
    yield* this.live.entries();
  }

  /** `idNumber`: n when r.id is `req-<n>` and the caller knows n. */
  add(r: RequestRecord, idNumber?: number): void {
    const slot = this.c.source.length;
    this.id.push(r.id, idNumber);
    this.c.source.push(this.strings.sources.id(r.source));
    this.c.fn.push(this.strings.functions.id(r.function));
    this.c.arrivedMs.push(r.arrivedMs);
    this.c.outcome.push(UNFINISHED);
    this.c.attempts.push(0);
    this.c.finishedMs.push(NaN);
    this.c.statusCode.push(0);
    this.c.shard.push(0);
    this.c.flags.push(0);
    this.responseRefs.push(-1);
    this.firstInvocationId.pushBlank();
    this.live.push(r);
    if (r.outcome !== 'unfinished') this.finished(r);
  }

  /**
   * The request has its outcome: from now on it lives in the columns only. `statusEarly`: the
   * source set statusCode before the outcome (its key comes before finishedMs).
   */
  finished(r: RequestRecord, statusEarly = false): void {
    let slot = this.live.slotNearHead(r); // most requests finish in about the order they came
    if (slot < 0) slot = this.id.indexOf(r.id);
    if (slot < 0 || this.live.get(slot) !== r) return;
    this.live.delete(slot);
    this.c.outcome.data[slot] = OUTCOMES.indexOf(r.outcome); // not a keyed lookup (megamorphic)
    this.c.attempts.data[slot] = r.attempts;
    this.c.finishedMs.data[slot] = r.finishedMs ?? NaN;
    let flags = 0;
    if (r.statusCode !== undefined) {
      flags |= HAS_STATUS | (statusEarly ? STATUS_EARLY : 0);
      this.c.statusCode.data[slot] = r.statusCode;
    }
    if (r.shardId !== undefined) {
      flags |= HAS_SHARD;
      this.c.shard.data[slot] = this.strings.shards.id(r.shardId);
    }
    if ('response' in r) {
      flags |= HAS_RESPONSE;
      this.responseRefs.data[slot] = this.responseRef(r.response);
    }
    this.c.flags.data[slot] = flags;
    if (r.lineage) this.lineages.set(slot, r.lineage);
    if (r.invocationIds.length === 1) this.firstInvocationId.set(slot, r.invocationIds[0]);
    else this.lists.set(slot, r.invocationIds.slice());
  }

  private responseRef(response: unknown): number {
    const n = this.responses.length;
    if (n > 0 && Object.is(this.responses[n - 1], response)) return n - 1;
    return this.responses.push(response) - 1;
  }

  /** The unfinished request in `slot` (the object its source updates). */
  liveAt(slot: number): RequestRecord | undefined {
    return this.live.get(slot);
  }

  isUnfinished(slot: number): boolean {
    return this.c.outcome.data[slot] === UNFINISHED;
  }

  /** A finished request as the source left it, keys in the order it wrote them. */
  at(slot: number): RequestRecord {
    if (this.isUnfinished(slot)) {
      const live = this.live.get(slot);
      if (live) return live;
    }
    const s = this.strings;
    const flags = this.c.flags.data[slot];
    const first = this.lists.has(slot) ? undefined : this.firstInvocationId.at(slot);
    const r: RequestRecord = {
      id: this.id.at(slot)!, source: s.sources.at(this.c.source.data[slot]), function: s.functions.at(this.c.fn.data[slot]),
      arrivedMs: this.c.arrivedMs.data[slot], outcome: OUTCOMES[this.c.outcome.data[slot]], attempts: this.c.attempts.data[slot],
      invocationIds: first !== undefined ? [first] : (this.lists.get(slot) ?? []).slice(),
    };
    const lineage = this.lineages.get(slot);
    if (lineage) r.lineage = lineage; // createRequest sets it right after these keys
    if (flags & HAS_SHARD) r.shardId = s.shards.at(this.c.shard.data[slot]);
    if (flags & STATUS_EARLY) r.statusCode = this.c.statusCode.data[slot];
    const finishedMs = this.c.finishedMs.data[slot];
    if (!Number.isNaN(finishedMs)) r.finishedMs = finishedMs;
    if ((flags & HAS_STATUS) && !(flags & STATUS_EARLY)) r.statusCode = this.c.statusCode.data[slot];
    if (flags & HAS_RESPONSE) r.response = this.responses[this.responseRefs.data[slot]];
    return r;
  }
}
