import { describe, expect, it } from 'vitest';
import { smallTrace } from './fixtures.test-helpers';
import { Player, type SimulationLike } from './player';
import type { VizResult } from './types';

/** Replays a hand-made trace: result() shows only what had ended by now() (test double). */
function replay(full: VizResult): SimulationLike & { calls: number[] } {
  let now = 0;
  const calls: number[] = [];
  return {
    calls,
    runUntil(ms) {
      calls.push(ms);
      now = Math.max(now, ms);
    },
    now: () => now,
    result: () => ({
      requests: full.requests.filter((r) => r.arrivedMs <= now).map((r) => (r.finishedMs === undefined && r.outcome !== 'throttled' && now < 600 ? { ...r, outcome: 'unfinished' as const } : r)),
      invocations: full.invocations.filter((i) => i.endMs <= now),
      environments: full.environments.filter((e) => e.createdMs <= now).map((e) => (e.destroyedMs !== undefined && e.destroyedMs > now ? { ...e, destroyedMs: undefined } : e)),
      logs: full.logs.filter((l) => l.timeMs <= now),
    }),
    dispose() {},
  };
}

const options = { lookaheadMs: 200, durationMs: 500, maxVirtualMs: 10_000, resolutionMs: 1 };

describe('Player', () => {
  it('simulates just ahead of the cursor while playing, scaled by speed', () => {
    const sim = replay(smallTrace());
    const player = new Player(sim, options);
    player.setSpeed(2);
    player.play();
    player.tick(100);
    expect(player.viewMs).toBe(200);
    expect(player.horizonMs).toBe(600);
    expect(player.index.starts.countAtOrBefore(player.viewMs)).toBe(2);
  });

  it('travels back in time without re-running the simulation', () => {
    const sim = replay(smallTrace());
    const player = new Player(sim, options);
    player.seek(450);
    const runs = sim.calls.length;
    player.seek(150);
    expect(sim.calls.length).toBe(runs);
    expect(player.viewMs).toBe(150);
    expect(player.index.starts.countAtOrBefore(player.viewMs)).toBe(1);
  });

  it('steps to the next and previous recorded event', () => {
    const player = new Player(replay(smallTrace()), { ...options, lookaheadMs: 500 });
    player.stepForward();
    expect(player.viewMs).toBe(100); // r1's cold invoke starts after its 100 ms init
    player.stepForward();
    expect(player.viewMs).toBe(150); // e2 created, q3 arrives
    player.stepBack();
    expect(player.viewMs).toBe(100);
    player.stepBack();
    expect(player.viewMs).toBe(0);
  });

  it('stops at the end of the trace and replays from the start on play', () => {
    const player = new Player(replay(smallTrace()), options);
    player.play();
    player.tick(5000);
    expect(player.playing).toBe(false);
    expect(player.endMs).toBe(600);
    expect(player.viewMs).toBe(600);
    player.play();
    expect(player.viewMs).toBe(0);
  });

  it('moves speed through the documented range 0.25x to 1000x', () => {
    const player = new Player(replay(smallTrace()), options);
    for (let i = 0; i < 20; i++) player.faster();
    expect(player.speed).toBe(1000);
    for (let i = 0; i < 20; i++) player.slower();
    expect(player.speed).toBe(0.25);
  });
});

describe('Player with an asynchronous simulation (the worker)', () => {
  function asyncReplay() {
    const inner = replay(smallTrace());
    return { ...inner, runUntil: (ms: number) => new Promise<void>((r) => setTimeout(() => { inner.runUntil(ms); r(); }, 1)) };
  }

  it('never shows the cursor where the trace may still be incomplete, then goes where it was sent', async () => {
    const player = new Player(asyncReplay(), { ...options, lookaheadMs: 100 });
    player.seek(450);
    expect(player.viewMs).toBeLessThanOrEqual(Math.max(0, player.horizonMs - 100));
    await player.settled();
    expect(player.viewMs).toBe(450);
    expect(player.index.starts.countAtOrBefore(450)).toBe(2);
  });

  it('steps forward once the next chunk has arrived', async () => {
    const player = new Player(asyncReplay(), { ...options, lookaheadMs: 500 });
    player.stepForward();
    await player.settled();
    await new Promise((r) => setTimeout(r, 5));
    await player.settled();
    expect(player.viewMs).toBe(100);
  });
});

describe('Player sent far ahead', () => {
  it('stops at the end of the trace without simulating hours of nothing', () => {
    const sim = replay(smallTrace());
    const player = new Player(sim, { ...options, maxVirtualMs: 6 * 3_600_000 });
    player.seek(1e9);
    expect(player.endMs).toBe(600);
    expect(player.viewMs).toBe(600);
    expect(Math.max(...sim.calls)).toBeLessThan(10_000);
  });
});
