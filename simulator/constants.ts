// Lambda's limits and the scenario's defaults as plain numbers (F03, F28, F29, F31, F32): a page
// that only draws a run (its engine is in a worker) reads them from here without loading the
// engine and its schemas onto its own thread. index.ts re-exports all of it.
export {
  MEMORY_MIN_MB, MEMORY_MAX_MB, ONE_VCPU_MEMORY_MB, TIMEOUT_MIN_MS, TIMEOUT_MAX_MS, INIT_LIMIT_MS,
  SYNC_PAYLOAD_LIMIT_BYTES, ASYNC_PAYLOAD_LIMIT_BYTES,
} from './scenario/limits';
export {
  DEFAULT_SEED, DEFAULT_RUNTIME, DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT_MS, DEFAULT_ACCOUNT_CONCURRENCY,
  DEFAULT_IDLE_TIMEOUT_MS, DEFAULT_SCALING_ENVIRONMENTS, DEFAULT_SCALING_WINDOW_MS, DEFAULT_START_TIME, DEFAULT_REGION,
} from './scenario/defaults';
