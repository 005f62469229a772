// What sources need to know about a function's handler kind, in one place. A model handler only
// times itself: it never reads its event, and with ReportBatchItemFailures it draws each
// message's failure at its errorRate (F80). A code handler reads the event and returns its own
// batch response. Sources ask the traits instead of testing the kind themselves.
import type { FunctionSpec } from '../scenario/types';

type Handler = FunctionSpec['handler'];

export interface HandlerTraits<H extends Handler = Handler> {
  /** Whether the handler reads its event; sources skip building costly events for those that do not. */
  readonly readsEvent: boolean;
  /** The share of a batch's items that fail one by one, when the simulation draws them; undefined when the handler reports its own. */
  itemErrorRate(handler: H): number | undefined;
}

const TRAITS: { [K in Handler['kind']]: HandlerTraits<Extract<Handler, { kind: K }>> } = {
  model: { readsEvent: false, itemErrorRate: (handler) => handler.errorRate ?? 0 },
  code: { readsEvent: true, itemErrorRate: () => undefined },
};

export function traitsOf(handler: Handler): HandlerTraits {
  return TRAITS[handler.kind] as HandlerTraits;
}
