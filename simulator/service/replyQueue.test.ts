// Code runtimes answer from real threads in whatever order those happen to finish. These tests
// make that order random on purpose and require identical results anyway.
import { describe, expect, it } from 'vitest';
import { simulate, type Scenario } from '../index';
import type { CreateCodeEnvironment } from '../runtime/types';
import { ReplyQueue } from './replyQueue';

/** A fake runtime whose every answer comes after a random real delay, like a loaded worker. */
const jitteryRuntime: CreateCodeEnvironment = (spec, host, callbacks) => {
  const answer = (fn: () => void) => host.track(new Promise<void>((resolve) => setTimeout(() => { fn(); resolve(); }, Math.random() * 6)));
  return {
    init() {
      // Init takes no virtual time here, so environments started together answer together.
      answer(() => {
        host.log(host.now(), `init ${spec.logStreamName}`);
        host.schedule(host.now(), () => host.log(host.now(), `module timer ${spec.logStreamName}`));
        callbacks.onInitDone({ status: 'success', response: null });
      });
    },
    invoke(request) {
      answer(() => {
        host.log(host.now(), `handled ${request.requestId}`);
        callbacks.onInvokeDone({ status: 'success', response: spec.logStreamName });
      });
    },
    destroy() {},
  };
};

// Three provisioned environments start Init at once; three requests then arrive in the same ms.
const scenario = (): Scenario => ({
  seed: 7,
  durationMs: 1000,
  functions: [{ name: 'fn', provisionedConcurrency: 3, handler: { kind: 'code', source: 'export const handler = async () => 1;' } }],
  sources: [{ type: 'invoke', function: 'fn', invocationType: 'RequestResponse', arrivals: { at: [500, 500, 500] } }],
});

describe('replies from code runtimes', () => {
  it('give the same bytes whatever order the workers answer in (10 runs)', async () => {
    const runs: string[] = [];
    for (let i = 0; i < 10; i++) runs.push(JSON.stringify(await simulate(scenario(), { createCodeEnvironment: jitteryRuntime })));
    const first = JSON.parse(runs[0]);
    expect(first.invocations).toHaveLength(3);
    expect(new Set(first.invocations.map((x: { environmentId: string }) => x.environmentId)).size).toBe(3);
    expect(new Set(runs).size).toBe(1);
  });

  it('are applied by environment, then in arrival order, once the engine stops waiting', () => {
    const q = new ReplyQueue();
    const seen: string[] = [];
    const a = q.nextSource();
    const b = q.nextSource();
    q.waiting = true;
    q.deliver(b, () => seen.push('b1'));
    q.deliver(a, () => seen.push('a1'));
    q.deliver(b, () => seen.push('b2'));
    q.deliver(a, () => seen.push('a2'));
    expect(seen).toEqual([]);
    q.waiting = false;
    expect(q.apply()).toBe(true);
    expect(seen).toEqual(['a1', 'a2', 'b1', 'b2']);
    expect(q.apply()).toBe(false);
  });

  it('hand out placeholder ids for queued schedules that cancel before and after they apply', () => {
    const q = new ReplyQueue();
    const scheduled: number[] = [];
    const cancelled: number[] = [];
    const schedule = (atMs: number) => { scheduled.push(atMs); return scheduled.length; };
    const source = q.nextSource();
    q.waiting = true;
    const dropped = q.schedule(source, 10, () => {}, schedule);
    const kept = q.schedule(source, 20, () => {}, schedule);
    expect(dropped).toBeLessThan(0);
    q.cancel(dropped, (id) => cancelled.push(id));
    q.waiting = false;
    q.apply();
    expect(scheduled).toEqual([20]);
    q.cancel(kept, (id) => cancelled.push(id));
    expect(cancelled).toEqual([1]);
    expect(q.schedule(source, 30, () => {}, schedule)).toBe(2); // not waiting: straight through
  });
});
