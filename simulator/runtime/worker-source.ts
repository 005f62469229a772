// Builds the script each execution environment's worker runs: host glue + the bundled runtime.
// build/worker-runtime.mjs bundles worker/entry.ts (and the packages it uses) into one script;
// the same script runs in a Node worker thread and in a browser module Worker (stack.md §2.4).
import { WORKER_RUNTIME } from './generated/worker-runtime.js';

function runtimeCall(glue: string): string {
  // One closure: nothing of the runtime (the channel to the engine above all) is a global binding.
  return `(() => {\nconst glue = ${glue};\n${WORKER_RUNTIME}\n__lambdaLabRuntime.start(glue);\n})();\n`;
}

const NODE_GLUE = `(() => {
  const { parentPort } = require('node:worker_threads');
  const { performance: perf } = require('node:perf_hooks');
  const realProcess = process;
  const NodeBuffer = Buffer;
  const immediate = setImmediate;
  return {
    post: (m) => parentPort.postMessage(m),
    onMessage: (cb) => parentPort.on('message', cb),
    macrotask: (fn) => immediate(fn),
    realNow: () => perf.now(),
    moduleUrl: (code) => 'data:text/javascript;base64,' + NodeBuffer.from(code).toString('base64'),
    importUrl: (url) => import(url),
    onUnhandledRejection: (cb) => realProcess.on('unhandledRejection', (reason) => cb(reason)),
    onUncaughtError: (cb) => realProcess.on('uncaughtException', (error) => cb(error)),
  };
})()`;

const BROWSER_GLUE = `(() => {
  const post = self.postMessage.bind(self);
  const listen = self.addEventListener.bind(self);
  const perf = performance;
  const queue = [];
  const channel = new MessageChannel();
  channel.port1.onmessage = () => { const fn = queue.shift(); if (fn) fn(); };
  return {
    post,
    onMessage: (cb) => listen('message', (e) => cb(e.data)),
    macrotask: (fn) => { queue.push(fn); channel.port2.postMessage(0); },
    realNow: () => perf.now(),
    moduleUrl: (code) => URL.createObjectURL(new Blob([code], { type: 'text/javascript' })),
    importUrl: (url) => import(url),
    onUnhandledRejection: (cb) => listen('unhandledrejection', (e) => { e.preventDefault(); cb(e.reason); }),
    onUncaughtError: (cb) => listen('error', (e) => { e.preventDefault(); cb(e.error !== undefined ? e.error : new Error(e.message)); }),
  };
})()`;

let nodeSource: string | undefined;
let browserSource: string | undefined;
export const nodeWorkerSource = () => (nodeSource ??= runtimeCall(NODE_GLUE));
export const browserWorkerSource = () => (browserSource ??= runtimeCall(BROWSER_GLUE));
