// Lambda's limits, the scenario's defaults and the prices: plain numbers only. Pages import this
// door (not index.ts) when they need a number, so the main thread loads neither the engine nor zod.
export {
  MEMORY_MIN_MB, MEMORY_MAX_MB, ONE_VCPU_MEMORY_MB, MAX_VCPUS, TIMEOUT_MIN_MS, TIMEOUT_MAX_MS, INIT_LIMIT_MS, BATCH_SIZE_MAX,
  SYNC_PAYLOAD_LIMIT_BYTES, ASYNC_PAYLOAD_LIMIT_BYTES,
} from './scenario/limits';
export {
  DEFAULT_SEED, DEFAULT_RUNTIME, DEFAULT_ARCHITECTURE, DEFAULT_HANDLER, DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT_MS,
  DEFAULT_ACCOUNT_CONCURRENCY, DEFAULT_IDLE_TIMEOUT_MS, DEFAULT_SCALING_ENVIRONMENTS, DEFAULT_SCALING_WINDOW_MS,
  DEFAULT_START_TIME, DEFAULT_REGION,
} from './scenario/defaults';
export { PRICE_PER_GB_SECOND_USD, PRICE_PER_REQUEST_USD, gbSeconds, costUsd } from './pricing/cost';
