// Provisioned concurrency in time (F15, F16, F49): a version's provisioned environments are
// brought to its configured PC, new ones after the allocation delay when requested during a
// run (at time 0 they are already allocated); each is recycled every few hours by a
// replacement whose Init runs first, so capacity never dips; the configured PC is metered.
import { PRIORITY_NORMAL, type Scheduler } from '../core/scheduler';
import type { EnvironmentEndReason } from '../trace/records';
import type { Environment, FunctionPool } from './functionPool';
import type { ServiceConfig } from './host';

/** What provisioning needs from the service. */
export interface ProvisionHost {
  readonly scheduler: Scheduler;
  readonly config: ServiceConfig;
  createEnvironment(fn: FunctionPool, provisioned: boolean): Environment;
  beginInit(env: Environment): void;
  shutdown(env: Environment, reason: EnvironmentEndReason): void;
}

const isCounted = (env: Environment) => env.provisioned && !env.retire && env.replaces === null;

/** F16: brings fn's provisioned environments to its configured PC; new ones after delayMs. */
export function provision(host: ProvisionHost, fn: FunctionPool, delayMs: number): void {
  const now = host.scheduler.now();
  const target = fn.spec.provisionedConcurrency ?? 0;
  fn.pcMeter.set(target, now, fn.spec.memoryMB); // F49: billed from the request on
  const current = [...fn.alive].filter(isCounted);
  const missing = target - current.length - fn.pcPending;
  if (missing > 0 && delayMs <= 0) {
    for (let i = 0; i < missing; i++) allocate(host, fn);
  } else if (missing > 0) {
    fn.pcPending += missing;
    host.scheduler.at(now + delayMs, () => {
      fn.pcPending -= missing;
      const room = (fn.spec.provisionedConcurrency ?? 0) - [...fn.alive].filter(isCounted).length - fn.pcPending;
      for (let i = 0; i < Math.min(missing, room); i++) allocate(host, fn);
    }, PRIORITY_NORMAL, true);
  }
  // Fewer provisioned environments: idle ones go now, busy ones after their invoke.
  for (const env of current.slice(Math.max(0, target))) {
    env.retire = true;
    env.retireReason = 'scale-in';
    const i = fn.idleProvisioned.indexOf(env);
    if (i >= 0) {
      fn.idleProvisioned.splice(i, 1);
      host.shutdown(env, 'scale-in');
    }
  }
}

function allocate(host: ProvisionHost, fn: FunctionPool, replaces: Environment | null = null): Environment {
  const env = host.createEnvironment(fn, true);
  env.replaces = replaces;
  host.beginInit(env);
  scheduleRecycle(host, env);
  return env;
}

/** F15: after provisionedRecycleMs a replacement starts its Init (background: it never keeps a run alive). */
function scheduleRecycle(host: ProvisionHost, env: Environment): void {
  const at = env.record.createdMs + host.config.provisionedRecycleMs;
  if (!Number.isFinite(at)) return;
  host.scheduler.at(at, () => {
    if (!env.fn.alive.has(env) || env.retire) return;
    allocate(host, env.fn, env);
  }, PRIORITY_NORMAL, true);
}

/** The replacement is ready: the environment it replaces goes now if idle, else after its invoke. */
export function completeRecycle(host: ProvisionHost, fresh: Environment): void {
  const old = fresh.replaces;
  if (!old) return;
  fresh.replaces = null;
  if (!old.fn.alive.has(old) || old.retire) return;
  const i = old.fn.idleProvisioned.indexOf(old);
  if (i >= 0) {
    old.fn.idleProvisioned.splice(i, 1);
    host.shutdown(old, 'recycled');
  } else {
    old.retire = true;
    old.retireReason = 'recycled';
  }
}
