import { describe, expect, it } from 'vitest';
import { runBootstrap } from '../../../simulator/index';
import { checkBootstrapRun } from './checks';
import { ORDER_EVENTS, REFERENCE_BOOTSTRAP, STARTER_BOOTSTRAP, TIMEOUT_MS } from './sources';

const run = (source: string) => runBootstrap(source, { events: ORDER_EVENTS, timeoutMs: TIMEOUT_MS });

describe('the custom-runtime exercise', () => {
  it('F133: the starter loop is not solved: its first event times out', async () => {
    const verdict = checkBootstrapRun(await run(STARTER_BOOTSTRAP), ORDER_EVENTS.length);
    expect(verdict.solved).toBe(false);
    expect(verdict.lines.find((l) => l.id === 'answered')).toMatchObject({ met: false, measured: '0 answered, 1 timed out' });
  });

  it('F102: the reference loop serves the three events and is solved', async () => {
    const verdict = checkBootstrapRun(await run(REFERENCE_BOOTSTRAP), ORDER_EVENTS.length);
    expect(verdict.lines.filter((l) => !l.met)).toEqual([]);
    expect(verdict.solved).toBe(true);
  });

  it('a loop that posts every result to /response, even the failing one, is not solved', async () => {
    const noErrors = REFERENCE_BOOTSTRAP.replace('/error`', '/response`');
    const verdict = checkBootstrapRun(await run(noErrors), ORDER_EVENTS.length);
    expect(verdict.solved).toBe(false);
    expect(verdict.lines.find((l) => l.id === 'error')?.met).toBe(false);
  });

  it('a loop that handles one event and returns is not solved', async () => {
    const once = REFERENCE_BOOTSTRAP.replace('while (true) {', 'for (let i = 0; i < 1; i++) {');
    const verdict = checkBootstrapRun(await run(once), ORDER_EVENTS.length);
    expect(verdict.solved).toBe(false);
    expect(verdict.lines.find((l) => l.id === 'loops')?.met).toBe(false);
  });
});
