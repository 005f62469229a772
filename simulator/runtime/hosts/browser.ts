// Browser host: one module Worker per execution environment, from a Blob URL (stack.md §2.4).
import { browserWorkerSource } from '../worker-source';
import type { WorkerPort } from './port';

export async function createBrowserPort(): Promise<WorkerPort> {
  const url = URL.createObjectURL(new Blob([browserWorkerSource()], { type: 'text/javascript' }));
  const worker = new Worker(url, { type: 'module', name: 'lambda-execution-environment' });
  let revoked = false;
  return {
    post: (m) => worker.postMessage(m),
    onMessage: (cb) => worker.addEventListener('message', (e) => {
      if (!revoked) { revoked = true; URL.revokeObjectURL(url); } // safe once the worker has spoken
      cb(e.data);
    }),
    onError: (cb) => worker.addEventListener('error', (e) => { e.preventDefault(); cb(new Error(e.message || 'worker error')); }),
    terminate: () => { worker.terminate(); if (!revoked) { revoked = true; URL.revokeObjectURL(url); } },
  };
}
