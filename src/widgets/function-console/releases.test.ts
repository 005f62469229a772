import { describe, expect, test } from 'vitest';
import { guideSteps, type RanInvocation } from './guide';
import { invokeTargets, NO_RELEASES, publish, rollback, routingText, setAlias, shares, type Outcome, type Releases } from './releases';
import { DEFAULT_CONFIG } from './state';

const v1 = { source: 'export const handler = async () => 1;', config: DEFAULT_CONFIG };
const v2 = { source: 'export const handler = async () => 2;', config: DEFAULT_CONFIG };

function ok(out: Outcome): Releases {
  if (!out.ok) throw new Error(out.message);
  return out.releases;
}

describe('publishing versions', () => {
  test('numbers versions 1, 2, … and keeps each snapshot as it was', () => {
    const one = publish(NO_RELEASES, v1, 0);
    const two = publish(ok(one), v2, 3);
    expect([one.version, two.version]).toEqual([1, 2]);
    expect(ok(two).versions.map((v) => v.snapshot.source)).toEqual([v1.source, v2.source]);
    expect(ok(two).log).toEqual([{ kind: 'publish', version: 1, afterInvocations: 0 }, { kind: 'publish', version: 2, afterInvocations: 3 }]);
  });

  test('publishing unchanged code and configuration answers with the newest version instead of a new one', () => {
    const r = ok(publish(NO_RELEASES, v1, 0));
    const again = publish(r, { ...v1, config: { ...v1.config } }, 1);
    expect(again.version).toBe(1);
    expect(ok(again)).toBe(r);
    expect(again.message).toMatch(/no new version/);
    expect(publish(r, { ...v1, config: { ...v1.config, memoryMB: 256 } }, 1).version).toBe(2); // configuration counts too
  });
});

describe('aliases', () => {
  const two = ok(publish(ok(publish(NO_RELEASES, v1, 0)), v2, 0));

  test('an alias points at a published version; a canary sends a weighted share to a second one', () => {
    const live = ok(setAlias(two, { name: 'live', version: 1 }, 0));
    expect(live.aliases).toEqual([{ name: 'live', version: 1 }]);
    const canary = ok(setAlias(live, { name: 'live', version: 1, canaryVersion: 2, canaryPercent: 10 }, 2));
    expect(canary.aliases).toEqual([{ name: 'live', version: 1, canary: { version: 2, weight: 0.1 } }]);
    expect(shares(canary.aliases[0])).toEqual([[1, 90], [2, 10]]);
    expect(routingText(canary.aliases[0])).toBe('version 1: 90 %, version 2: 10 %');
    expect(invokeTargets(canary).map((t) => t.value)).toEqual(['$LATEST', '1', '2', 'live']);
  });

  test('a share of 0 % or no canary version is plain routing to one version', () => {
    expect(ok(setAlias(two, { name: 'live', version: 1, canaryVersion: 2, canaryPercent: 0 }, 0)).aliases[0]).toEqual({ name: 'live', version: 1 });
    expect(ok(setAlias(two, { name: 'live', version: 2, canaryPercent: 30 }, 0)).aliases[0]).toEqual({ name: 'live', version: 2 });
  });

  test.each([
    [{ name: '', version: 1 }, /1 to 128 letters/, 'aliasName'],
    [{ name: 'my alias', version: 1 }, /1 to 128 letters/, 'aliasName'],
    [{ name: '42', version: 1 }, /only digits/, 'aliasName'],
    [{ name: 'x'.repeat(129), version: 1 }, /1 to 128/, 'aliasName'],
    [{ name: 'live', version: 3 }, /no version 3/, 'aliasVersion'],
    [{ name: 'live', version: 1, canaryVersion: 1, canaryPercent: 10 }, /different version/, 'canaryVersion'],
    [{ name: 'live', version: 1, canaryVersion: 5, canaryPercent: 10 }, /no version 5/, 'canaryVersion'],
    [{ name: 'live', version: 1, canaryVersion: 2, canaryPercent: 101 }, /0 to 100/, 'canaryPercent'],
    [{ name: 'live', version: 1, canaryVersion: 2, canaryPercent: Number.NaN }, /0 to 100/, 'canaryPercent'],
  ])('refuses %j, naming the field that is wrong', (req, message, field) => {
    const out = setAlias(two, req, 0);
    expect(out.ok).toBe(false);
    expect(out.message).toMatch(message);
    expect(!out.ok && out.field).toBe(field);
  });

  test('no alias before a version is published', () => {
    expect(setAlias(NO_RELEASES, { name: 'live', version: 1 }, 0).message).toMatch(/Publish a version first/);
  });

  test('rollback of a canary sends everything to the alias\'s version again (weight 0)', () => {
    const canary = ok(setAlias(ok(setAlias(two, { name: 'live', version: 1 }, 0)), { name: 'live', version: 1, canaryVersion: 2, canaryPercent: 10 }, 0));
    const back = rollback(canary, 'live', 7);
    expect(ok(back).aliases).toEqual([{ name: 'live', version: 1 }]);
    expect(ok(back).log.at(-1)).toEqual({ kind: 'rollback', name: 'live', version: 1, afterInvocations: 7 });
    expect(rollback(ok(back), 'live', 7).ok).toBe(false); // nothing left to roll back
  });

  test('rollback of a moved alias points it at the version before', () => {
    const moved = ok(setAlias(ok(setAlias(two, { name: 'live', version: 1 }, 0)), { name: 'live', version: 2 }, 0));
    expect(moved.aliases[0]).toEqual({ name: 'live', version: 2, previous: 1 });
    expect(ok(rollback(moved, 'live', 0)).aliases[0]).toEqual({ name: 'live', version: 1 });
    expect(rollback(moved, 'beta', 0).message).toMatch(/no alias beta/);
  });
});

describe('the guide', () => {
  const done = (r: Releases, ran: RanInvocation[]) => guideSteps(r, ran).filter((s) => s.done).map((s) => s.id);

  test('each step is ticked by what the console did, in the flow\'s order', () => {
    const ran: RanInvocation[] = [{ index: 1, target: '$LATEST', version: '$LATEST' }];
    let r = ok(publish(NO_RELEASES, v1, 1));
    r = ok(setAlias(r, { name: 'live', version: 1 }, 1));
    expect(done(r, ran)).toEqual(['deploy', 'publish-1', 'alias']);
    ran.push({ index: 2, target: 'live', version: '1' });
    r = ok(publish(r, v2, 2));
    r = ok(setAlias(r, { name: 'live', version: 1, canaryVersion: 2, canaryPercent: 10 }, 2));
    expect(done(r, ran)).toEqual(['deploy', 'publish-1', 'alias', 'invoke-alias', 'publish-2', 'canary']);
    ran.push({ index: 3, target: 'live', version: '1' });
    expect(done(r, ran)).not.toContain('watch'); // only version 1 ran so far
    ran.push({ index: 4, target: 'live', version: '2' });
    expect(done(r, ran)).toContain('watch');
    expect(done(r, ran)).not.toContain('rollback');
    r = ok(rollback(r, 'live', 4));
    expect(done(r, ran)).toHaveLength(8);
  });

  test('version 2 run directly, not through the canary, does not count as watching it', () => {
    let r = ok(publish(ok(publish(NO_RELEASES, v1, 0)), v2, 0));
    r = ok(setAlias(r, { name: 'live', version: 1, canaryVersion: 2, canaryPercent: 10 }, 0));
    expect(done(r, [{ index: 1, target: '2', version: '2' }])).not.toContain('watch');
  });
});
