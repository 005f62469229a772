// Simulated downstream services that handler code reaches through `lambda-lab:db` and
// `lambda-lab:http` (and global fetch). They live engine-side, behind host.call, so that limits
// such as the database's maximum connections span ALL execution environments. Virtual time
// only, seeded jitter only: the same scenario and seed give the same latencies.
import { mulberry32 } from '../core/rng';
import type { DependencyReply } from './types';

export interface DependencyConfig {
  seed?: number;
  db?: {
    /** Open connections the database accepts; one more is refused (MySQL's max_connections). */
    maxConnections?: number;
    connectMs?: number;
    queryMs?: number;
    jitterMs?: number;
  };
  http?: {
    latencyMs?: number;
    jitterMs?: number;
    /** By host name ('api.example.com') or '*': what the simulated server answers. */
    routes?: Record<string, { status?: number; body?: unknown; latencyMs?: number; headers?: Record<string, string> }>;
  };
}

export interface DependencyStats {
  openConnections: number;
  peakConnections: number;
  refusedConnections: number;
  queries: number;
  httpRequests: number;
}

export interface DependencyService {
  call(service: string, op: string, args: unknown, reply: (result: DependencyReply) => void): void;
  stats(): DependencyStats;
}

export interface DependencyClock {
  now(): number;
  schedule(atMs: number, fn: () => void): number;
}

const fail = (errorType: string, errorMessage: string): DependencyReply => ({ ok: false, errorType, errorMessage });
const ok = (value: unknown): DependencyReply => ({ ok: true, value });

export function createDependencyService(clock: DependencyClock, config: DependencyConfig = {}): DependencyService {
  const db = { maxConnections: 10, connectMs: 30, queryMs: 5, jitterMs: 2, ...config.db };
  const http = { latencyMs: 80, jitterMs: 20, routes: {}, ...config.http };
  const random = mulberry32(config.seed ?? 1);
  const jitter = (ms: number) => Math.round(random() * ms);
  const connections = new Map<number, string>(); // connectionId -> environment
  const store = new Map<string, unknown>();
  const stats: DependencyStats = { openConnections: 0, peakConnections: 0, refusedConnections: 0, queries: 0, httpRequests: 0 };
  let nextConnection = 1;

  const later = (delayMs: number, reply: (r: DependencyReply) => void, result: () => DependencyReply) => {
    clock.schedule(clock.now() + Math.max(0, delayMs), () => reply(result()));
  };
  const lost = () => fail('PROTOCOL_CONNECTION_LOST', 'Connection lost: The server closed the connection.');

  function dbCall(op: string, a: any, reply: (r: DependencyReply) => void) {
    const latency = db.queryMs + jitter(db.jitterMs);
    switch (op) {
      case 'connect': {
        if (connections.size >= db.maxConnections) { // refused at the handshake, like MySQL error 1040
          stats.refusedConnections++;
          later(db.connectMs / 2, reply, () => fail('ER_CON_COUNT_ERROR', 'Too many connections'));
          return;
        }
        const id = nextConnection++;
        connections.set(id, String(a.environment));
        stats.openConnections = connections.size;
        stats.peakConnections = Math.max(stats.peakConnections, connections.size);
        later(db.connectMs + jitter(db.jitterMs), reply, () => (connections.has(id) ? ok({ connectionId: id }) : lost()));
        return;
      }
      case 'query':
        stats.queries++;
        later(latency, reply, () => (connections.has(a.connectionId) ? ok({ rows: [], rowCount: 0 }) : lost()));
        return;
      case 'get':
        later(latency, reply, () => (connections.has(a.connectionId) ? ok({ value: store.has(a.key) ? store.get(a.key) : null }) : lost()));
        return;
      case 'put':
        later(latency, reply, () => {
          if (!connections.has(a.connectionId)) return lost();
          store.set(a.key, a.value);
          return ok(null);
        });
        return;
      case 'end':
        connections.delete(a.connectionId);
        stats.openConnections = connections.size;
        later(1, reply, () => ok(null));
        return;
      case 'release': // the environment is gone: its sockets close with it
        for (const [id, env] of connections) if (env === String(a.environment)) connections.delete(id);
        stats.openConnections = connections.size;
        reply(ok(null));
        return;
      default:
        later(0, reply, () => fail('ER_UNKNOWN_COM_ERROR', `Unknown database operation ${op}`));
    }
  }

  function httpCall(a: any, reply: (r: DependencyReply) => void) {
    stats.httpRequests++;
    let hostName = '';
    try { hostName = new URL(a.url).hostname; } catch {
      later(0, reply, () => fail('ERR_INVALID_URL', 'Invalid URL'));
      return;
    }
    const route = (http.routes as any)[hostName] ?? (http.routes as any)['*'] ?? {};
    const body = route.body === undefined ? { message: 'simulated response', method: a.method, url: a.url } : route.body;
    later((route.latencyMs ?? http.latencyMs) + jitter(http.jitterMs), reply, () => ok({
      status: route.status ?? 200,
      headers: { 'content-type': 'application/json', ...route.headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }));
  }

  return {
    call(service, op, args, reply) {
      if (service === 'db') dbCall(op, args ?? {}, reply);
      else if (service === 'http' && op === 'request') httpCall(args ?? {}, reply);
      else later(0, reply, () => fail('ENOTFOUND', `getaddrinfo ENOTFOUND ${service}`));
    },
    stats: () => ({ ...stats }),
  };
}
