import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../../simulator/index';
import { playerFor, pricesFor, simulationFor } from './engine';
import { flowCounts } from './flows';
import { shardFlows } from './shardFlows';
import type { Player, SimulationLike } from './player';
import { summarize } from './summary';

// Sync calls, async events that fail and are retried minutes later (F63, F64) and an SQS queue
// with redelivery (F78) and a Kinesis stream whose failed batches block their shard (F86): requests stay open across many chunks, and environments come and go.
const scenario: Scenario = {
  seed: 3,
  durationMs: 120_000,
  functions: [
    { name: 'api', timeoutMs: 3000, handler: { kind: 'model', durationMs: { dist: 'uniform', min: 50, max: 400 }, errorRate: 0.05 } },
    { name: 'jobs', timeoutMs: 5000, handler: { kind: 'model', durationMs: { dist: 'uniform', min: 200, max: 1500 }, errorRate: 0.3 } },
  ],
  sources: [
    { type: 'invoke', function: 'api', invocationType: 'RequestResponse', arrivals: { rate: 40 } },
    { type: 'invoke', function: 'jobs', invocationType: 'Event', arrivals: { rate: 8 } },
    { type: 'sqs', function: 'jobs', arrivals: { rate: 10 }, batchSize: 5, visibilityTimeoutMs: 10_000, maxReceiveCount: 3 },
    { type: 'kinesis', function: 'jobs', arrivals: { rate: 12 }, shards: 3, batchSize: 10 },
  ],
};

function picture(player: Player, t: number) {
  const summary = summarize(player.index, t, pricesFor(scenario));
  const flows = flowCounts(player.index, t)
    .map(({ oldestWaitingAgeMs: _age, runningBatches: _b, ...c }) => c)
    .sort((a, b) => a.source.localeCompare(b.source));
  const rows = player.index.rowsAt(t).filter((r) => r.env.destroyedMs === undefined || r.env.destroyedMs > t).map((r) => r.env.id).sort();
  const shards = shardFlows(player.index, t);
  return { summary: { ...summary, costUsd: summary.costUsd.toFixed(9) }, flows, shards, rows, concurrency: player.index.grid.at(t) };
}

/** Runs that answer later, as the worker's do: calls can land while a re-run is under way. */
const later = (): SimulationLike => {
  const sim = simulationFor(scenario);
  return { ...sim, runUntil: (ms) => new Promise<void>((done) => setTimeout(() => done(sim.runUntil(ms) as void), 0)), now: () => sim.now(), result: () => sim.result(), forgetBefore: (a, b) => sim.forgetBefore!(a, b), isFinished: () => sim.isFinished!(), dispose: () => sim.dispose() };
};

async function goTo(player: Player, t: number): Promise<void> {
  player.seek(t);
  await player.settled();
  expect(player.viewMs).toBe(t);
}

describe('a player that forgets old detail', () => {
  it('shows the same picture as one that keeps everything, going forward and back', async () => {
    const whole = playerFor(scenario, { retainInvocations: Infinity });
    const forgetful = playerFor(scenario, { retainInvocations: 300 });
    forgetful.keepBehindMs = 5_000;
    for (const t of [10_000, 35_000, 60_000, 90_000, 119_000, 150_000]) {
      await goTo(whole, t);
      await goTo(forgetful, t);
      expect(picture(forgetful, t)).toEqual(picture(whole, t));
    }
    expect(forgetful.index.forgottenBeforeMs).toBeGreaterThan(100_000);
    // What it keeps of forgotten attempts belongs to requests it still holds, nothing more.
    const attemptsHeld = new Set(forgetful.index.result.requests.flatMap((r) => r.invocationIds));
    expect([...forgetful.index.forgottenAttempts.keys()].every((id) => attemptsHeld.has(id))).toBe(true);
    expect(forgetful.index.retainedInvocations).toBeLessThan(whole.index.retainedInvocations / 3);
    // Back before what it kept: it re-runs the same seed from the start and gets there again.
    await goTo(forgetful, 20_000);
    expect(forgetful.index.forgottenBeforeMs).toBeLessThanOrEqual(20_000);
    expect(picture(forgetful, 20_000)).toEqual(picture(whole, 20_000));
    await goTo(forgetful, 70_000);
    await goTo(whole, 70_000);
    expect(picture(forgetful, 70_000)).toEqual(picture(whole, 70_000));
  });

  it('keeps playing after going back before what it kept', async () => {
    const player = playerFor(scenario, { retainInvocations: 300 });
    player.keepBehindMs = 5_000;
    await goTo(player, 100_000);
    player.play();
    player.seek(30_000);
    await player.settled();
    expect(player.rewindingTo).toBeUndefined();
    expect(player.playing).toBe(true);
    player.tick(1000);
    expect(player.viewMs).toBe(31_000);
  });

  it('resets to the start and replays from the end with the same picture', async () => {
    const whole = playerFor(scenario, { retainInvocations: Infinity });
    const player = playerFor(scenario, { retainInvocations: 300 });
    player.keepBehindMs = 5_000;
    player.seek(400_000); // past the end: everything has been simulated, the cursor stops there
    await player.settled();
    expect(player.endMs).toBeDefined();
    expect(player.viewMs).toBe(player.endMs);
    const endMs = player.endMs!;
    player.reset();
    await player.settled();
    expect(player.viewMs).toBe(0);
    expect(player.playing).toBe(false);
    expect(player.endMs).toBe(endMs);
    await goTo(whole, 45_000);
    await goTo(player, 45_000);
    expect(picture(player, 45_000)).toEqual(picture(whole, 45_000));
    await goTo(player, endMs);
    player.play(); // at the end: starts over from 0
    await player.settled();
    expect(player.viewMs).toBe(0);
    expect(player.playing).toBe(true);
    expect(player.index.starts.countAtOrBefore(0)).toBe(whole.index.starts.countAtOrBefore(0));
  });

  it('stays paused after going back if paused while it re-ran', async () => {
    const player = playerFor(scenario, { retainInvocations: 300, restart: later });
    player.keepBehindMs = 5_000;
    await goTo(player, 100_000);
    player.play();
    player.seek(30_000);
    expect(player.rewindingTo).toBe(30_000);
    player.pause();
    await player.settled();
    expect(player.viewMs).toBe(30_000);
    expect(player.playing).toBe(false);
  });

  it('Play pressed while going back plays on from where it was sent, once the re-run is there', async () => {
    const player = playerFor(scenario, { retainInvocations: 300, restart: later });
    player.keepBehindMs = 5_000;
    await goTo(player, 100_000);
    player.seek(30_000);
    player.play();
    expect(player.playing).toBe(false); // frames do not move a cursor that is still going back
    player.tick(16);
    expect(player.rewindingTo).toBe(30_000);
    await player.settled();
    expect(player.viewMs).toBe(30_000);
    expect(player.playing).toBe(true);
    player.tick(1000);
    expect(player.viewMs).toBe(31_000);
  });

  it('sent elsewhere while re-running, it goes there, says so, and goes on forgetting', async () => {
    const whole = playerFor(scenario, { retainInvocations: Infinity });
    const player = playerFor(scenario, { retainInvocations: 300, restart: later });
    player.keepBehindMs = 5_000;
    await goTo(player, 100_000);
    player.seek(20_000);
    expect(player.rewindingTo).toBe(20_000);
    player.seek(110_000);
    expect(player.rewindingTo).toBe(110_000);
    await player.settled();
    expect(player.viewMs).toBe(110_000);
    expect(player.rewindingTo).toBeUndefined();
    await goTo(whole, 110_000);
    expect(player.index.retainedInvocations).toBeLessThan(whole.index.retainedInvocations / 3);
    expect(picture(player, 110_000)).toEqual(picture(whole, 110_000));
  });
});
