// The develop-and-deploy flow as a checklist: each step is read off what the console has done
// (its releases and its invocations), never ticked by hand, so the list says what really happened.
import { LATEST, type Releases } from './releases';

/** What the guide needs to know about one invocation. */
export interface RanInvocation {
  /** 1-based, as in the history. */
  index: number;
  /** What was invoked: $LATEST, a version number or an alias name. */
  target: string;
  /** The version that ran ($LATEST or a number). */
  version: string;
}

export interface GuideStep {
  id: string;
  text: string;
  done: boolean;
}

const isAlias = (target: string) => target !== LATEST && !/^\d+$/.test(target);

export function guideSteps(r: Releases, ran: readonly RanInvocation[]): GuideStep[] {
  const canaries = r.log.flatMap((e) => (e.kind === 'alias' && e.canary ? [{ ...e, canary: e.canary }] : []));
  const firstCanary = canaries[0];
  const sawCanary = canaries.some((e) =>
    ran.some((v) => v.index > e.afterInvocations && v.target === e.name && v.version === String(e.canary.version)));
  const rolledBack = firstCanary !== undefined && r.log.some((e, i) => e.kind === 'rollback' && i > r.log.indexOf(firstCanary));
  return [
    { id: 'deploy', text: 'Deploy the handler and invoke it: it runs as $LATEST.', done: ran.some((v) => v.target === LATEST) },
    { id: 'publish-1', text: 'Publish version 1.', done: r.versions.length >= 1 },
    { id: 'alias', text: 'Create the alias live, pointing at version 1.', done: r.aliases.length >= 1 },
    { id: 'invoke-alias', text: 'Invoke through the alias: the START line names the version that ran.', done: ran.some((v) => isAlias(v.target)) },
    { id: 'publish-2', text: 'Change the code, then publish version 2.', done: r.versions.length >= 2 },
    { id: 'canary', text: 'Shift 10 % of the alias to version 2: a canary.', done: firstCanary !== undefined },
    { id: 'watch', text: 'Invoke the alias N times and find the version 2 runs and their errors.', done: sawCanary },
    { id: 'rollback', text: 'Roll back: the alias sends everything to version 1 again.', done: rolledBack },
  ];
}
