// Node host: one worker thread per execution environment (stack.md §2.4). node:worker_threads is
// imported dynamically so that a browser bundle of the engine never sees it.
import { nodeWorkerSource } from '../worker-source';
import type { WorkerPort } from './port';

/** The worker's heap: the function's memory (F134), within what a test machine can give. */
export function heapLimitMb(memoryMB: number): number {
  return Math.min(Math.max(memoryMB, 128), 2048);
}

export async function createNodePort(memoryMB = 512): Promise<WorkerPort> {
  const spec = 'node:worker_threads';
  const wt: any = await import(/* @vite-ignore */ spec);
  // Going over the limit ends the worker with ERR_WORKER_OUT_OF_MEMORY: the environment is
  // reported as killed, like Lambda's SIGKILL (environment.ts).
  const worker = new wt.Worker(nodeWorkerSource(), { eval: true, stdout: false, stderr: false, resourceLimits: { maxOldGenerationSizeMb: heapLimitMb(memoryMB) } });
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
