import { describe, expect, it } from 'vitest';
import { timelineSentence } from './timelineView';

describe('the timeline text alternative', () => {
  it('tells initialising environments from idle ones, as the chart draws them apart', () => {
    const text = timelineSentence(['init', 'invoke', 'idle (frozen)', 'init', 'shut down'], 3, '1.2 s');
    expect(text).toBe('At 1.2 s: 5 execution environments created, 4 alive: 1 running an invocation, 2 initialising (Init), 1 idle (frozen); 3 cold starts so far.');
    expect(text).not.toContain('initialising or idle');
  });
});
