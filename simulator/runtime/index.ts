// The code-handler runtime's front door for the engine: createCodeEnvironment (see types.ts) and
// the engine-side dependency service that backs host.call.
import { createEnvironment, type EnvironmentOptions, type Watchdog } from './environment';
import type { PortFactory } from './hosts/port';
import type { CodeEnvironment, CodeEnvironmentCallbacks, CodeFunctionSpec, CodeRuntimeHost } from './types';

export type { CodeEnvironment, CodeEnvironmentCallbacks, CodeFunctionSpec, CodeRuntimeHost, CreateCodeEnvironment, DependencyReply, InvokeRequest, Outcome } from './types';
export { DEFAULT_EPOCH_MS, environmentVariables } from './config';
export { HANDLER_MODULES_DTS } from './handler-types';
export { createDependencyService, type DependencyConfig, type DependencyService } from './dependencies';
export type { Watchdog, EnvironmentOptions, PortFactory };
export type { WorkerPort } from './hosts/port';

/** The one place that reads real time: a safety net against runaway handler code. */
export const realTimeWatchdog: Watchdog = {
  start: (ms, onFire) => globalThis.setTimeout(onFire, ms),
  stop: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

const isBrowser = () => typeof (globalThis as any).window !== 'undefined' || typeof (globalThis as any).WorkerGlobalScope !== 'undefined';

/** Picks the worker kind for where we run; node:worker_threads is never imported in a browser. */
export const defaultPortFactory: PortFactory = async (memoryMB) => {
  if (isBrowser()) return (await import('./hosts/browser')).createBrowserPort();
  // hosts/node.ts names node:worker_threads only through a computed specifier, so a browser
  // bundle may include this chunk safely; it is never loaded there.
  return (await import('./hosts/node')).createNodePort(memoryMB);
};

let defaults: EnvironmentOptions = {
  createPort: defaultPortFactory,
  watchdog: realTimeWatchdog,
  watchdogMs: 3000,
  bootWatchdogMs: 15000,
};

/** Change the defaults for environments created from now on (tests, the lab page). */
export function configureCodeRuntime(options: Partial<EnvironmentOptions>): void {
  defaults = { ...defaults, ...options };
}

export function createCodeEnvironment(
  spec: CodeFunctionSpec,
  host: CodeRuntimeHost,
  callbacks: CodeEnvironmentCallbacks,
  options: Partial<EnvironmentOptions> = {},
): CodeEnvironment {
  return createEnvironment(spec, host, callbacks, { ...defaults, ...options });
}
