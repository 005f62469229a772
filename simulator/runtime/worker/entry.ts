// The worker runtime's entry point. build/worker-runtime.mjs bundles this file (and the packages
// it imports) into one script at build and test time; worker-source.ts wraps it with the host's
// glue. The same bundle runs in a Node worker thread and in a browser module Worker.
import { makeBufferClass } from './buffer';
import { makeCrypto } from './crypto';
import { installGlobals } from './globals';
import { makeLoader } from './loader';
import { runtimeMain, type WorkerGlue } from './runtime-main';
import { guardAllocations, guardCodeStrings } from './sandbox';
import { makeTimers } from './timers';
import { makeUtil } from './util';

export function start(glue: WorkerGlue): void {
  runtimeMain(glue, { makeBufferClass, makeUtil, makeTimers, makeCrypto, makeLoader, installGlobals, guardAllocations, guardCodeStrings });
}
