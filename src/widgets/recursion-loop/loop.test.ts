// F95 on the lesson 11 loop: Terminate stops the chain after 16 invocations; Allow lets it run on.
import { describe, expect, it } from 'vitest';
import { rowCells } from './cells';
import { compareLoop } from './loop';
import { LOOP_SCENARIO } from './scenario';

describe('a consumer that sends to its own queue (F95)', () => {
  it('Terminate: 16 invocations, the 17th dropped, the message in the DLQ after its redrive; Allow keeps growing', async () => {
    const { terminate, allow } = await compareLoop(LOOP_SCENARIO, [5_000, 35_000, 65_000]);
    expect(terminate.map((c) => c.invocations)).toEqual([16, 16, 16]);
    expect(terminate[0].dropped).toBe(1);
    // The stopped batch fails; the message comes back after its visibility timeout, is stopped
    // again, and after maxReceiveCount 2 it moves to the dead-letter queue.
    expect(terminate[2]).toMatchObject({ dropped: 2, waiting: { orders: 0, 'orders-dlq': 1 } });
    expect(allow.every((c) => c.dropped === 0)).toBe(true);
    expect(allow[0].invocations).toBeGreaterThan(16);
    expect(allow[1].invocations).toBeGreaterThan(allow[0].invocations * 5);
    expect(allow[2].costUsd).toBeGreaterThan(terminate[2].costUsd * 50);
  }, 60_000);
});

describe('the table cells', () => {
  it('counts with separators, dollars with three significant figures under a cent', () => {
    const at = (invocations: number, costUsd: number, dropped = 0, dlq = 0) => ({ atMs: 0, invocations, dropped, waiting: { 'orders-dlq': dlq }, costUsd });
    expect(rowCells(at(16, 0.0000038166679, 2, 1), at(5123, 0.00115))).toEqual({
      't-inv': '16', 't-drop': '2', 't-dlq': '1', 't-cost': '$0.00000382', 'a-inv': '5,123', 'a-cost': '$0.00115',
    });
  });
});
