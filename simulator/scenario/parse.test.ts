import { describe, expect, it } from 'vitest';
import { parseScenario, ScenarioError } from './parse';

const base = () => ({
  durationMs: 1000,
  functions: [{ name: 'fn', handler: { kind: 'model', durationMs: 10 } }] as any[],
  sources: [{ type: 'invoke', function: 'fn', invocationType: 'RequestResponse', arrivals: { rate: 1 } }] as any[],
});

function pathsOf(input: unknown): string[] {
  try {
    parseScenario(input);
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    return (e as ScenarioError).issues.map((i) => i.path);
  }
  return [];
}

const BAD: [string, (s: ReturnType<typeof base>) => unknown, string][] = [
  ['memory below 128 MB', (s) => ((s.functions[0].memoryMB = 100), s), 'functions.0.memoryMB'],
  ['fractional memory', (s) => ((s.functions[0].memoryMB = 256.5), s), 'functions.0.memoryMB'],
  ['timeout above 900 s', (s) => ((s.functions[0].timeoutMs = 901_000), s), 'functions.0.timeoutMs'],
  ['unknown runtime', (s) => ((s.functions[0].runtime = 'nodejs8.10'), s), 'functions.0.runtime'],
  ['code handler on python', (s) => ((s.functions[0] = { name: 'fn', runtime: 'python3.13', handler: { kind: 'code', source: '' } }), s), 'functions.0.runtime'],
  ['malformed handler string', (s) => ((s.functions[0].handler = { kind: 'code', source: '', handler: 'nohandler' }), s), 'functions.0.handler.handler'],
  ['unknown function name', (s) => ((s.sources[0].function = 'nope'), s), 'sources.0.function'],
  ['negative rate', (s) => ((s.sources[0].arrivals = { rate: -1 }), s), 'sources.0.arrivals.rate'],
  ['arrival after the horizon', (s) => ((s.sources[0].arrivals = { at: [0, 2000] }), s), 'sources.0.arrivals.at.1'],
  ['missing durationMs', (s) => { const { durationMs: _, ...rest } = s; return rest; }, 'durationMs'],
  ['missing handler durationMs', (s) => ((s.functions[0].handler = { kind: 'model' }), s), 'functions.0.handler.durationMs'],
  ['uniform min above max', (s) => ((s.functions[0].handler.durationMs = { dist: 'uniform', min: 5, max: 1 }), s), 'functions.0.handler.durationMs.max'],
  ['negative normal sd', (s) => ((s.functions[0].handler.durationMs = { dist: 'normal', mean: 5, sd: -1 }), s), 'functions.0.handler.durationMs.sd'],
  ['errorRate above 1', (s) => ((s.functions[0].handler.errorRate = 2), s), 'functions.0.handler.errorRate'],
  ['duplicate function names', (s) => ((s.functions.push({ name: 'fn', handler: { kind: 'model', durationMs: 1 } })), s), 'functions.1.name'],
  ['reserved env var', (s) => ((s.functions[0].environment = { AWS_LAMBDA_FUNCTION_NAME: 'x' }), s), 'functions.0.environment.AWS_LAMBDA_FUNCTION_NAME'],
  ['PC above reserved', (s) => ((s.functions[0].reservedConcurrency = 1), (s.functions[0].provisionedConcurrency = 2), s), 'functions.0.provisionedConcurrency'],
  ['reserved leaves under 100 unreserved', (s) => ((s.functions[0].reservedConcurrency = 950), s), 'functions.0.reservedConcurrency'],
  ['async retries 3', (s) => ((s.functions[0].async = { maximumRetryAttempts: 3 }), s), 'functions.0.async.maximumRetryAttempts'],
  ['async max age under 60 s', (s) => ((s.functions[0].async = { maximumEventAgeMs: 1000 }), s), 'functions.0.async.maximumEventAgeMs'],
  ['invoke without invocationType', (s) => ((delete s.sources[0].invocationType), s), 'sources.0.invocationType'],
  ['unknown source type', (s) => ((s.sources[0].type = 'kafka'), s), 'sources.0.type'],
  ['SQS batch over 10 without a window', (s) => ((s.sources[0] = { type: 'sqs', function: 'fn', arrivals: { rate: 1 }, batchSize: 100 }), s), 'sources.0.maximumBatchingWindowMs'],
  ['SQS maximum concurrency 1', (s) => ((s.sources[0] = { type: 'sqs', function: 'fn', arrivals: { rate: 1 }, maximumConcurrency: 1 }), s), 'sources.0.maximumConcurrency'],
  ['kinesis without shards', (s) => ((s.sources[0] = { type: 'kinesis', function: 'fn', arrivals: { rate: 1 } }), s), 'sources.0.shards'],
  ['parallelization factor 11', (s) => ((s.sources[0] = { type: 'dynamodb-streams', function: 'fn', arrivals: { rate: 1 }, shards: 1, parallelizationFactor: 11 }), s), 'sources.0.parallelizationFactor'],
  ['stream record age 1 s', (s) => ((s.sources[0] = { type: 'kinesis', function: 'fn', arrivals: { rate: 1 }, shards: 1, maximumRecordAgeMs: 1000 }), s), 'sources.0.maximumRecordAgeMs'],
  ['a typo in a field name', (s) => ((s.functions[0].memoryMb = 256), s), 'functions.0'],
  ['F95: recursiveLoop neither Terminate nor Allow', (s) => ((s.functions[0].recursiveLoop = 'Stop'), s), 'functions.0.recursiveLoop'],
  ['IAM: a role statement with both Action and NotAction', (s) => ((s.functions[0].role = { policy: { Statement: [{ Effect: 'Allow', Action: '*', NotAction: 's3:*', Resource: '*' }] } }), s), 'functions.0.role.policy.Statement.0'],
  ['IAM: an Effect other than Allow or Deny', (s) => ((s.functions[0].resourcePolicy = { Statement: [{ Effect: 'Permit', Action: 'lambda:InvokeFunction', Resource: '*' }] }), s), 'functions.0.resourcePolicy.Statement.0.Effect'],
  ['IAM: a role name with a space', (s) => ((s.functions[0].role = { name: 'my role', policy: { Statement: [] } }), s), 'functions.0.role.name'],
  ['bad start time', (s) => ({ ...s, service: { startTime: 'yesterday' } }), 'service.startTime'],
  ['no functions', (s) => ({ ...s, functions: [], sources: [] }), 'functions'],
];

describe('parseScenario', () => {
  it.each(BAD)('refuses %s with the path of the problem', (_name, breakIt, path) => {
    expect(pathsOf(breakIt(base()))).toContain(path);
  });

  it('lists every problem at once, each by path', () => {
    const s = base();
    s.functions[0].memoryMB = 64;
    s.functions[0].timeoutMs = 0;
    s.sources[0].function = 'missing';
    expect(pathsOf(s).sort()).toEqual(['functions.0.memoryMB', 'functions.0.timeoutMs', 'sources.0.function']);
  });

  it('accepts every source type of the contract with all its fields', () => {
    const s = base();
    s.functions[0].async = { maximumRetryAttempts: 1, maximumEventAgeMs: 60_000, onSuccess: 'ok-queue', onFailure: 'dlq' };
    s.sources = [
      { type: 'invoke', function: 'fn', invocationType: 'Event', arrivals: { at: [0, 5] }, payload: { a: 1 }, payloads: ['x'] },
      { type: 'api-gateway', function: 'fn', arrivals: { rate: 2, fromMs: 0, toMs: 500, process: 'poisson' } },
      { type: 's3', function: 'fn', arrivals: { rate: 1 }, payloads: ['key.txt'] },
      { type: 'sns', function: 'fn', arrivals: { rate: 1 } },
      { type: 'sqs', function: 'fn', arrivals: { rate: 1 }, batchSize: 100, maximumBatchingWindowMs: 2000, maximumConcurrency: 5,
        visibilityTimeoutMs: 30_000, maxReceiveCount: 3, reportBatchItemFailures: true },
      { type: 'kinesis', function: 'fn', arrivals: { rate: 1 }, shards: 2, batchSize: 100, parallelizationFactor: 2,
        bisectBatchOnFunctionError: true, maximumRetryAttempts: -1, maximumRecordAgeMs: -1 },
      { type: 'dynamodb-streams', function: 'fn', arrivals: { rate: 1 }, shards: 1 },
    ];
    expect(pathsOf(s)).toEqual([]);
    expect(parseScenario(s).sources).toHaveLength(7);
  });

  it('returns the scenario unchanged (plain JSON round-trips)', () => {
    const s = base();
    expect(parseScenario(JSON.parse(JSON.stringify(s)))).toEqual(s);
  });
});
