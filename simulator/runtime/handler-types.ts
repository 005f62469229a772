// TypeScript declarations of the modules handler code can import in the simulation, for the
// editor's IntelliSense (monaco addExtraLib). Keep in step with worker/runtime-main.ts.
import { AWS_SDK_DTS } from './aws-sdk-types';

export const HANDLER_MODULES_DTS = `declare module 'lambda-lab:db' {
  /** A simulated MySQL-like connection. Costs connect time; refused beyond the database's maximum connections. */
  export interface Connection {
    query(sql: string, params?: unknown[]): Promise<{ rows: unknown[]; rowCount: number }>;
    get(key: string): Promise<unknown>;
    put(key: string, value: unknown): Promise<void>;
    end(): Promise<void>;
  }
  /** Rejects with Error 'Too many connections' (code 'ER_CON_COUNT_ERROR') when the database is full. */
  export function connect(options?: Record<string, unknown>): Promise<Connection>;
}
declare module 'lambda-lab:http' {
  export interface SimulatedResponse { status: number; ok: boolean; headers: Record<string, string>; body: string; json(): any; text(): string }
  export interface RequestInit { method?: string; headers?: Record<string, string>; body?: string }
  export function request(url: string, init?: RequestInit): Promise<SimulatedResponse>;
  export function get(url: string, init?: RequestInit): Promise<SimulatedResponse>;
}
declare module 'lambda-lab:cpu' {
  /**
   * Models CPU-bound work: ms milliseconds of single-threaded work at one vCPU (1,769 MB).
   * Returns at once, with the virtual clock advanced: 2x the time at 884 MB, 13.8x at 128 MB,
   * the same above 1,769 MB (one thread cannot use the extra vCPUs).
   */
  export function burnCpu(ms: number): void;
}
` + AWS_SDK_DTS;
