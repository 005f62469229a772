import { describe, expect, it } from 'vitest';
import { runBootstrap } from '../../../simulator/index';
import { ORDER_EVENTS, REFERENCE_BOOTSTRAP, STARTER_BOOTSTRAP, TIMEOUT_MS } from '../bootstrap-exercise/sources';
import { loopFrames } from './frames';

describe('the Runtime API animation', () => {
  it('F96-F99: a real run of the reference loop gives next, handler, response twice, then error, then a frozen next', async () => {
    const run = await runBootstrap(REFERENCE_BOOTSTRAP, { events: ORDER_EVENTS, timeoutMs: TIMEOUT_MS });
    const frames = loopFrames(run);
    expect(frames.map((f) => f.stage)).toEqual(['next', 'handler', 'response', 'next', 'handler', 'response', 'next', 'handler', 'error', 'frozen']);
    expect(frames[2].text).toContain('{"order":"o-1","total":7}');
    expect(frames[8].text).toContain('TypeError: quantity must be a number, got "lots"');
    expect(frames[0].text).toContain('deadline 3000 ms from now');
    expect(frames[9].text).toContain('no event is waiting');
  });

  it('F133: a loop that asks for the next event without answering shows the open request, then its timeout', async () => {
    const run = await runBootstrap(STARTER_BOOTSTRAP, { events: ORDER_EVENTS, timeoutMs: TIMEOUT_MS });
    const frames = loopFrames(run);
    expect(frames.map((f) => f.stage)).toEqual(['next', 'handler', 'frozen', 'timeout']);
    expect(frames[2].text).toContain('has not been answered');
    expect(frames[3].atMs).toBe(3001);
  });
});
