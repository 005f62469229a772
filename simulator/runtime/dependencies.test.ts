import { describe, expect, test } from 'vitest';
import { codeSpec, createFakeHost, harness } from './testing/fake-host';

const dbHandler = `import { connect } from 'lambda-lab:db';
let db; // reused across warm invocations: the context-reuse lesson
export const handler = async (event) => {
  const t0 = Date.now();
  if (!db) db = await connect();
  const connectedAfterMs = Date.now() - t0;
  await db.put('last', event.n);
  const last = await db.get('last');
  await db.query('SELECT 1');
  return { connectedAfterMs, last, totalMs: Date.now() - t0 };
};`;

describe('simulated dependencies', () => {
  test('a database connection costs virtual time once per environment, queries cost time on every call', async () => {
    const fake = createFakeHost({ seed: 3, db: { connectMs: 40, queryMs: 5, jitterMs: 0 } });
    const h = harness(codeSpec(dbHandler), {}, fake);
    await h.init();
    expect(await h.invoke({ n: 1 })).toEqual({ status: 'success', response: { connectedAfterMs: 40, last: 1, totalMs: 55 } });
    expect(await h.invoke({ n: 2 })).toEqual({ status: 'success', response: { connectedAfterMs: 0, last: 2, totalMs: 15 } });
    expect(fake.dependencies.stats()).toMatchObject({ openConnections: 1, peakConnections: 1, queries: 2 });
    h.destroy();
    expect(fake.dependencies.stats().openConnections).toBe(0); // the environment's socket closed with it
  });

  test('beyond max connections, across all environments, connect fails with MySQL\'s error', async () => {
    const fake = createFakeHost({ db: { maxConnections: 2, connectMs: 30, jitterMs: 0 } });
    const envs = [0, 1, 2].map((i) => harness(codeSpec(dbHandler, { logStreamName: `2026/01/01/[$LATEST]${String(i).repeat(32)}` }), {}, fake));
    for (const e of envs) await e.init();
    const outcomes = [];
    for (const e of envs) outcomes.push(await e.invoke({ n: 1 }));
    expect(outcomes.map((o) => o.status)).toEqual(['success', 'success', 'error']);
    expect(outcomes[2]).toMatchObject({ errorType: 'Error', errorMessage: 'Too many connections' });
    expect(fake.logs.some((l) => l.message.includes('"code":"ER_CON_COUNT_ERROR"'))).toBe(true);
    expect(fake.dependencies.stats()).toMatchObject({ openConnections: 2, refusedConnections: 1 });
    envs.forEach((e) => e.destroy());
  });

  test('the HTTP client and fetch answer after the configured virtual latency', async () => {
    const fake = createFakeHost({ http: { latencyMs: 120, jitterMs: 0, routes: { 'api.example.com': { status: 201, body: { id: 7 } } } } });
    const h = harness(codeSpec(`import { request } from 'lambda-lab:http';
export const handler = async () => {
  const t0 = Date.now();
  const a = await request('https://api.example.com/orders', { method: 'POST', body: '{}' });
  const b = await fetch('https://other.example.org/');
  return [a.status, a.json(), Date.now() - t0, b.status, (await b.json()).url];
};`), {}, fake);
    await h.init();
    expect(await h.invoke()).toEqual({ status: 'success', response: [201, { id: 7 }, 240, 200, 'https://other.example.org/'] });
    h.destroy();
  });

  test('jitter comes from the seed: the same seed gives the same latencies', async () => {
    const latencies = async (seed: number) => {
      const fake = createFakeHost({ seed, db: { connectMs: 30, queryMs: 5, jitterMs: 20 } });
      const h = harness(codeSpec(dbHandler), {}, fake);
      await h.init();
      const r = [await h.invoke({ n: 1 }), await h.invoke({ n: 2 })];
      h.destroy();
      return r;
    };
    expect(await latencies(11)).toEqual(await latencies(11));
  });

  test('a reply that arrives while the environment is frozen is seen only when it thaws (F09)', async () => {
    const fake = createFakeHost({ http: { latencyMs: 500, jitterMs: 0 } });
    const h = harness(codeSpec(`import { get } from 'lambda-lab:http';
export const handler = async (event) => {
  if (event.first) get('https://api.example.com/slow').then((r) => console.log('late reply', r.status));
  return 'returned';
};`), {}, fake);
    await h.init();
    await h.invoke({ first: true }, 'req-1');
    fake.host.schedule(2000, () => {});
    await fake.run(() => false);
    expect(fake.logs.some((l) => l.message.includes('late reply'))).toBe(false);
    await h.invoke({}, 'req-2');
    const line = fake.logs.find((l) => l.message.includes('late reply'))!;
    expect(line.message.split('\t').slice(1)).toEqual(['req-2', 'INFO', 'late reply 200']);
    expect(line.timeMs).toBe(2000);
    h.destroy();
  });
});
