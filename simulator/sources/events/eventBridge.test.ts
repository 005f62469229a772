import type { ScheduledEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { loadAwsSample } from './awsSamples.testkit';
import { seededRng } from './encoding';
import { buildScheduledEvent } from './eventBridge';
import { compareFieldShapes, fieldShape } from './fieldShape';

describe('EventBridge scheduled event builder', () => {
  it('builds an event that type-checks as ScheduledEvent and has the sample field set plus version', () => {
    const event: ScheduledEvent = buildScheduledEvent({ ruleName: 'ExampleRule' }, { epochMs: 0, rng: seededRng(1) });
    // The SAM template leaves out `version`; every EventBridge event carries "0" and the type requires it.
    expect(compareFieldShapes(fieldShape(event), fieldShape(loadAwsSample('eventbridge-scheduled.json'))))
      .toEqual({ onlyInBuilt: ['version'], onlyInSample: [], typeMismatches: [] });
  });

  it('writes the time in whole seconds, as schedules fire', () => {
    const event = buildScheduledEvent({}, { epochMs: Date.UTC(2026, 2, 3, 4, 5, 6, 789), rng: seededRng(1) });
    expect(event.time).toBe('2026-03-03T04:05:06Z');
    expect(event['detail-type']).toBe('Scheduled Event');
  });
});
