// An alias: its primary version and, with weighted routing (a canary), a second version and
// the share of invocations it gets. Generic over the pool type so the pool can hold its aliases
// without an import cycle. Routing: https://docs.aws.amazon.com/lambda/latest/dg/configuring-alias-routing.html
import type { Rng } from '../core/rng';
import { FunctionStats } from './recorder';

export class AliasRoute<Pool> {
  /** CloudWatch's per-alias metrics (Resource = fn:alias). */
  readonly stats = new FunctionStats();
  constructor(
    readonly name: string,
    public primary: Pool,
    public second: Pool | null,
    public weight: number,
    private readonly rng: Rng,
  ) {}

  /** The version this invocation runs: weighted routing draws once per invocation from the alias's own stream. */
  pick(): Pool {
    if (!this.second) return this.primary;
    return this.rng.float() < this.weight ? this.second : this.primary;
  }
}
