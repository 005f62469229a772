// Runs a learner's bootstrap off the page's thread, so a loop with no `await` in it cannot freeze
// the page: the element terminates this worker when it does not answer in time.
import { runBootstrap } from '../../../simulator/index';

self.onmessage = async (e: MessageEvent<{ source: string; events: unknown[]; timeoutMs: number }>) => {
  const { source, events, timeoutMs } = e.data;
  try {
    const run = await runBootstrap(source, { events, timeoutMs });
    self.postMessage({ ok: true, run: JSON.parse(JSON.stringify(run)) });
  } catch (err) {
    self.postMessage({ ok: false, message: err instanceof Error ? err.message : String(err) });
  }
};
