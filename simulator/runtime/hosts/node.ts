// Node host: one worker thread per execution environment (stack.md §2.4). node:worker_threads is
// imported dynamically so that a browser bundle of the engine never sees it.
import { nodeWorkerSource } from '../worker-source';
import type { WorkerPort } from './port';

export async function createNodePort(): Promise<WorkerPort> {
  const spec = 'node:worker_threads';
  const wt: any = await import(/* @vite-ignore */ spec);
  // The heap cap is a safety net for the test machine, not the function's memory setting.
  const worker = new wt.Worker(nodeWorkerSource(), { eval: true, stdout: false, stderr: false, resourceLimits: { maxOldGenerationSizeMb: 512 } });
  let terminated = false;
  return {
    post: (m) => worker.postMessage(m),
    onMessage: (cb) => worker.on('message', cb),
    onError: (cb) => {
      worker.on('error', cb);
      worker.on('exit', (code: number) => { if (!terminated) cb(new Error(`worker exited with code ${code}`)); });
    },
    terminate: () => { terminated = true; void worker.terminate(); },
  };
}
