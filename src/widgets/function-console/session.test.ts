// The console's session against the real engine: versions stay what they were when published,
// an alias routes by weight, and the metrics per version show where the errors came from.
import { describe, expect, test } from 'vitest';
import { NO_RELEASES, publish, rollback, setAlias, type Outcome, type Releases } from './releases';
import { ConsoleSession } from './session';
import { DEFAULT_CONFIG } from './state';

const good = { source: 'export const handler = async (e) => ({ total: e.price });', config: DEFAULT_CONFIG };
const buggy = { source: 'export const handler = async (e) => ({ total: e.coupon.percent });', config: DEFAULT_CONFIG };

const ok = (out: Outcome): Releases => {
  if (!out.ok) throw new Error(out.message);
  return out.releases;
};

describe('ConsoleSession with versions and aliases', () => {
  test('F112, F116: a version keeps its code after $LATEST changes; an invoke says which version ran', async () => {
    const session = new ConsoleSession();
    session.deploy(good);
    let r = ok(publish(NO_RELEASES, good, 0));
    session.applyReleases(r);
    session.deploy(buggy); // $LATEST now has the bug; version 1 does not
    r = ok(setAlias(r, { name: 'live', version: 1 }, 0));
    session.applyReleases(r);
    const latest = await session.invoke({ price: 5 }, 1, 'sequential', 1, undefined, '$LATEST');
    const live = await session.invoke({ price: 5 }, 1, 'sequential', 2, undefined, 'live');
    expect([latest.views[0].status, latest.views[0].version]).toEqual(['error', '$LATEST']);
    expect([live.views[0].status, live.views[0].version, live.views[0].target]).toEqual(['success', '1', 'live']);
    expect(live.views[0].response).toEqual({ total: 5 });
    expect(live.views[0].logLines.find((l) => l.startsWith('START '))).toMatch(/Version: 1$/);
    session.dispose();
  }, 60_000);

  test('a 10 % canary runs some invocations on version 2, its errors show under version 2, and a rollback stops them', async () => {
    const session = new ConsoleSession();
    session.deploy(good);
    let r = ok(publish(NO_RELEASES, good, 0));
    session.deploy(buggy);
    r = ok(publish(r, buggy, 0));
    r = ok(setAlias(r, { name: 'live', version: 1, canaryVersion: 2, canaryPercent: 10 }, 0));
    session.applyReleases(r);
    const canary = await session.invoke({ price: 5 }, 50, 'sequential', 1, undefined, 'live');
    const onTwo = canary.views.filter((v) => v.version === '2');
    expect(onTwo.length).toBeGreaterThan(0);
    expect(onTwo.length).toBeLessThan(15); // about 10 % of 50, drawn from the alias's seeded stream
    expect(onTwo.every((v) => v.status === 'error')).toBe(true);
    expect(canary.views.filter((v) => v.version === '1').every((v) => v.status === 'success')).toBe(true);
    expect(canary.resources.map((t) => t.resource)).toEqual(['1', '2', 'live']); // versions in order, then aliases
    const tally = Object.fromEntries(canary.resources.map((t) => [t.resource, t]));
    expect(tally['2']).toMatchObject({ invocations: onTwo.length, errors: onTwo.length });
    expect(tally['1']).toMatchObject({ invocations: 50 - onTwo.length, errors: 0 });
    expect(tally.live).toMatchObject({ invocations: 50, errors: onTwo.length });

    session.applyReleases(ok(rollback(r, 'live', 50)));
    const after = await session.invoke({ price: 5 }, 50, 'sequential', 51, undefined, 'live');
    expect(after.views.every((v) => v.version === '1' && v.status === 'success')).toBe(true);
    session.dispose();
  }, 60_000);

  test('F38: a version keeps the layers it was published with; attaching one to $LATEST later leaves it alone', async () => {
    const greet = { name: 'greet', files: { 'nodejs/node_modules/greet/index.js': "exports.word = 'hello';" } };
    const source = "let word = 'none';\ntry { ({ word } = await import('greet')); } catch {}\nexport const handler = async () => word;";
    const session = new ConsoleSession([greet]);
    const bare = { source, config: DEFAULT_CONFIG };
    session.deploy(bare);
    session.applyReleases(ok(publish(NO_RELEASES, bare, 0)));
    session.deploy({ source, config: { ...DEFAULT_CONFIG, layers: ['greet'] } });
    const one = await session.invoke({}, 1, 'sequential', 1, undefined, '1');
    const latest = await session.invoke({}, 1, 'sequential', 2, undefined, '$LATEST');
    expect([one.views[0].response, latest.views[0].response]).toEqual(['none', 'hello']);
    session.dispose();
  }, 60_000);
});
