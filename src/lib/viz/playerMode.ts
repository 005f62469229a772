// The player's mode as one statechart: paused, playing, going back (re-running the same seed
// from the start to reach a time whose detail was forgotten, then playing on or not) and failed.
// The player keeps its data (cursor, horizon, the run in flight) in fields; what it may do next
// is the chart's. One actor per player: its events are a learner's clicks, not every frame.
import { createActor, setup, type Actor } from 'xstate';

export type PlayerModeEvent =
  | { type: 'play' }
  | { type: 'pause' }
  /** The cursor reached the end of the run while playing. */
  | { type: 'end' }
  /** Sent before a time whose detail was forgotten: the run starts again from 0. */
  | { type: 'rewind' }
  /** The re-run has reached where the cursor was sent. */
  | { type: 'rewound' }
  /** The simulation threw: nothing more can run. */
  | { type: 'fail' };

export const playerModeMachine = setup({ types: { events: {} as PlayerModeEvent } }).createMachine({
  id: 'playerMode',
  initial: 'paused',
  on: { fail: '.failed' },
  states: {
    paused: { on: { play: 'playing', rewind: 'rewinding.thenPause' } },
    playing: { on: { pause: 'paused', end: 'paused', rewind: 'rewinding.thenPlay' } },
    rewinding: {
      initial: 'thenPause',
      states: {
        // Play or Pause while going back decides what happens once the re-run is there.
        thenPause: { on: { play: 'thenPlay', rewound: '#playerMode.paused' } },
        thenPlay: { on: { pause: 'thenPause', rewound: '#playerMode.playing' } },
      },
    },
    failed: {},
  },
});

export type PlayerMode = Actor<typeof playerModeMachine>;

export function createPlayerMode(): PlayerMode {
  return createActor(playerModeMachine).start();
}
