// Everything the console needs from the simulator, behind one lazily loaded module so a lesson
// page does not download the engine before the console is used.
import { sampleEvent, SAMPLE_EVENT_KINDS } from '../../../simulator/index';

export { HANDLER_MODULES_DTS } from '../../../simulator/index';

export { validateConfig } from './validate-config';
export { ConsoleSession } from './session';

export function sampleEventFor(kind: string): unknown {
  const known = (SAMPLE_EVENT_KINDS as readonly string[]).includes(kind);
  if (!known) throw new Error(`no sample event '${kind}'`);
  return sampleEvent(kind as (typeof SAMPLE_EVENT_KINDS)[number]);
}
