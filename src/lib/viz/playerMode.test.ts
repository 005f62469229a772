import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { playerModeMachine, type PlayerModeEvent } from './playerMode';

/** The state reached from `path` by the events, as a dotted string. */
function after(events: PlayerModeEvent['type'][]): string {
  const actor = createActor(playerModeMachine).start();
  for (const type of events) actor.send({ type } as PlayerModeEvent);
  const value = actor.getSnapshot().value;
  actor.stop();
  return typeof value === 'string' ? value : Object.entries(value).map(([k, v]) => `${k}.${v}`).join();
}

describe('the player mode chart', () => {
  it.each([
    [[], 'paused'],
    [['play'], 'playing'],
    [['play', 'pause'], 'paused'],
    [['play', 'end'], 'paused'],
    [['end'], 'paused'],
    [['rewind'], 'rewinding.thenPause'],
    [['rewind', 'rewound'], 'paused'],
    [['play', 'rewind'], 'rewinding.thenPlay'],
    [['play', 'rewind', 'rewound'], 'playing'],
    [['play', 'rewind', 'pause', 'rewound'], 'paused'],
    [['rewind', 'play', 'rewound'], 'playing'],
    [['play', 'rewind', 'rewind', 'rewound'], 'playing'],
    [['play', 'rewind', 'fail'], 'failed'],
    [['fail', 'play', 'rewind', 'rewound'], 'failed'],
  ] as [PlayerModeEvent['type'][], string][])('%j ends in %s', (events, state) => {
    expect(after(events)).toBe(state);
  });
});
