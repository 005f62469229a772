/// <reference types="vite/client" />
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DEFAULT_MEMORY_MB, DEFAULT_RUNTIME, DEFAULT_TIMEOUT_MS, parseScenario } from '../../../simulator/index';
import { PRESETS } from '../viz/presets';
import type { ChallengeSpec } from '../../widgets/challenge/types';
import { checkTemplate, fnResource } from './checkTemplate.test-helpers';
import { samZip } from './download';
import { samFiles, samTemplateYaml } from './emit';
import { EXPORT_DEFAULTS } from './template';
import type { ExportScenario } from './types';

const modules = import.meta.glob<Record<string, unknown>>('../../../content/**/*.challenges.ts', { eager: true });
const challenges = Object.entries(modules).flatMap(([file, exports]) =>
  Object.entries(exports)
    .filter(([, v]) => typeof v === 'object' && v !== null && 'scenario' in v && 'goals' in v)
    .map(([name, spec]) => ({ name: `${file.split('/').pop()} ${name}`, scenario: (spec as ChallengeSpec).scenario })),
);

const EVENT_TYPE: Record<string, string> = { 'api-gateway': 'Api', s3: 'S3', sns: 'SNS', sqs: 'SQS', kinesis: 'Kinesis', 'dynamodb-streams': 'DynamoDB' };

const handlerSource = "export const handler = async (event) => ({ statusCode: 200, body: 'hi' });\n";

const consoleScenario: ExportScenario = {
  durationMs: 1000,
  functions: [{
    name: 'console-function', runtime: 'nodejs22.x', architecture: 'arm64', memoryMB: 512, timeoutMs: 10000,
    environment: { TABLE: 'orders' },
    handler: { kind: 'code', source: handlerSource },
    role: { name: 'reader', policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::photos/*' }] } },
  }],
  sources: [],
};

describe('the SAM export', () => {
  it('fills in the same defaults as the engine (F28, F29)', () => {
    expect(EXPORT_DEFAULTS).toEqual({ memoryMB: DEFAULT_MEMORY_MB, timeoutMs: DEFAULT_TIMEOUT_MS, runtime: DEFAULT_RUNTIME });
  });

  it("exports the console's function with its code as src/index.mjs and its role's statements as a policy", () => {
    const files = samFiles(consoleScenario);
    expect(files.map((f) => f.path)).toEqual(['template.yaml', 'src/index.mjs']);
    expect(files[1].content).toBe(handlerSource);
    const t = checkTemplate(files[0].content, consoleScenario);
    const p = fnResource(t, 'console-function');
    expect(p).toMatchObject({
      CodeUri: 'src/', Handler: 'index.handler', Runtime: 'nodejs22.x', Architectures: ['arm64'], MemorySize: 512, Timeout: 10,
      Environment: { Variables: { TABLE: 'orders' } },
      Policies: [{ Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::photos/*' }] }],
    });
    expect(p.Events).toBeUndefined();
  });

  it('quotes what a YAML 1.1 reader would take for a date or a boolean', () => {
    const s: ExportScenario = { ...consoleScenario, functions: [{ ...consoleScenario.functions[0], environment: { FLAG: 'yes', MODE: 'off' } }] };
    const text = samTemplateYaml(s);
    const t = parse(text, { version: '1.1' }) as { AWSTemplateFormatVersion: unknown };
    expect(t.AWSTemplateFormatVersion).toBe('2010-09-09');
    expect(fnResource(checkTemplate(text, s), 'console-function').Environment.Variables).toEqual({ FLAG: 'yes', MODE: 'off' });
    expect((parse(text, { version: '1.1' }) as any).Resources.ConsoleFunction.Properties.Environment.Variables.FLAG).toBe('yes');
  });

  it('writes a CommonJS handler as .js, since Node loads .mjs as an ES module', () => {
    const cjs: ExportScenario = { ...consoleScenario, functions: [{ ...consoleScenario.functions[0], handler: { kind: 'code', source: 'exports.handler = async () => 1;', handler: 'app.main' } }] };
    const files = samFiles(cjs);
    expect(files[1].path).toBe('src/app.js');
    expect(fnResource(checkTemplate(files[0].content, cjs), 'console-function').Handler).toBe('app.main');
  });

  it('puts the S3 bucket in the same template, as SAM requires, with the key filter', () => {
    const s: ExportScenario = {
      durationMs: 1000,
      functions: [{ name: 'thumbs', handler: { kind: 'model', durationMs: 50 } }],
      sources: [{ name: 'photos', type: 's3', function: 'thumbs', arrivals: { at: [0] }, prefix: 'uploads/', suffix: '.jpg' }],
    };
    const t = checkTemplate(samTemplateYaml(s), s);
    const ev = Object.values(fnResource(t, 'thumbs').Events) as { Type: string; Properties: any }[];
    expect(ev).toHaveLength(1);
    expect(ev[0].Type).toBe('S3');
    expect(t.Resources[ev[0].Properties.Bucket.Ref].Type).toBe('AWS::S3::Bucket');
    expect(ev[0].Properties.Events).toBe('s3:ObjectCreated:*');
    expect(ev[0].Properties.Filter.S3Key.Rules).toEqual([{ Name: 'prefix', Value: 'uploads/' }, { Name: 'suffix', Value: '.jpg' }]);
  });

  it("maps the lesson's SQS source: batch size, window, partial batch responses, and a redrive queue (F73, F77)", () => {
    const spec = challenges.find((c) => c.name.includes('poisonMessage'))!;
    const t = checkTemplate(samTemplateYaml(spec.scenario), spec.scenario);
    const ev = Object.values(fnResource(t, 'packer').Events)[0] as { Type: string; Properties: any };
    expect(ev).toMatchObject({ Type: 'SQS', Properties: { BatchSize: 10, MaximumBatchingWindowInSeconds: 1, FunctionResponseTypes: ['ReportBatchItemFailures'] } });
    const queue = t.Resources[ev.Properties.Queue['Fn::GetAtt'][0]];
    expect(queue).toMatchObject({ Type: 'AWS::SQS::Queue', Properties: { VisibilityTimeout: 12, RedrivePolicy: { maxReceiveCount: 5 } } });
    expect(t.Resources[queue.Properties!.RedrivePolicy.deadLetterTargetArn['Fn::GetAtt'][0]].Type).toBe('AWS::SQS::Queue');
  });

  it('maps stream sources with their shard count, parallelization, bisect and retries (F85, F86)', () => {
    const s: ExportScenario = {
      durationMs: 1000,
      functions: [{ name: 'reader', handler: { kind: 'model', durationMs: 5 } }],
      sources: [
        { name: 'clicks', type: 'kinesis', function: 'reader', arrivals: { rate: 5 }, shards: 4, batchSize: 50, parallelizationFactor: 2, bisectBatchOnFunctionError: true, maximumRetryAttempts: 3, maximumRecordAgeMs: 120000 },
        { name: 'orders', type: 'dynamodb-streams', function: 'reader', arrivals: { rate: 5 }, shards: 1, startingPosition: 'TRIM_HORIZON' },
      ],
    };
    const t = checkTemplate(samTemplateYaml(s), s);
    const [kin, ddb] = Object.values(fnResource(t, 'reader').Events) as { Type: string; Properties: any }[];
    expect(kin).toMatchObject({ Type: 'Kinesis', Properties: { StartingPosition: 'LATEST', BatchSize: 50, ParallelizationFactor: 2, BisectBatchOnFunctionError: true, MaximumRetryAttempts: 3, MaximumRecordAgeInSeconds: 120 } });
    expect(t.Resources[kin.Properties.Stream['Fn::GetAtt'][0]]).toEqual({ Type: 'AWS::Kinesis::Stream', Properties: { ShardCount: 4 } });
    expect(ddb).toMatchObject({ Type: 'DynamoDB', Properties: { StartingPosition: 'TRIM_HORIZON', Stream: { 'Fn::GetAtt': [expect.any(String), 'StreamArn'] } } });
    expect(t.Resources[ddb.Properties.Stream['Fn::GetAtt'][0]].Properties!.StreamSpecification).toEqual({ StreamViewType: 'NEW_AND_OLD_IMAGES' });
  });

  it('maps async settings, concurrency, recursion, layers (their files, never outside their folder), aliases, SNS, an API and a schedule', () => {
    const s: ExportScenario = {
      durationMs: 600000,
      functions: [
        {
          name: 'worker', memoryMB: 1024, timeoutMs: 30000, reservedConcurrency: 20, provisionedConcurrency: 5, recursiveLoop: 'Allow',
          ephemeralStorageMB: 2048, layers: [{ name: 'shared-libs', packages: ['lodash'] }, { name: 'extras', files: { 'nodejs/node_modules/extras/index.js': 'module.exports = 1;', '../escape.js': 'x' } }], deadLetterQueue: 'worker-dlq',
          async: { maximumRetryAttempts: 1, maximumEventAgeMs: 3600000, onSuccess: 'auditor', onFailure: 'failed-events' },
          handler: { kind: 'model', durationMs: { dist: 'uniform', min: 10, max: 30 }, errorRate: 0.1 },
        },
        { name: 'auditor', runtime: 'java21', versions: [{}], aliases: [{ name: 'prod', version: 1, provisionedConcurrency: 2 }], handler: { kind: 'model', durationMs: 5 } },
      ],
      sources: [
        { name: 'alerts', type: 'sns', function: 'worker', arrivals: { at: [0] } },
        { name: 'web', type: 'api-gateway', function: 'auditor:prod', arrivals: { at: [0] } },
        { name: 'tick', type: 'invoke', invocationType: 'Event', function: 'worker', arrivals: { rate: 1 / 300, process: 'uniform' } },
        { name: 'direct', type: 'invoke', invocationType: 'RequestResponse', function: 'worker', arrivals: { at: [0] } },
      ],
    };
    const files = samFiles(s);
    expect(files.map((f) => f.path)).toEqual(['template.yaml', 'src/worker/index.mjs', 'src/auditor/index.mjs', 'layers/shared-libs/nodejs/package.json', 'layers/extras/nodejs/node_modules/extras/index.js']);
    expect(JSON.parse(files[3].content).dependencies).toEqual({ lodash: '*' });
    const t = checkTemplate(files[0].content, s);
    const w = fnResource(t, 'worker');
    expect(w).toMatchObject({
      CodeUri: 'src/worker/', ReservedConcurrentExecutions: 20, AutoPublishAlias: 'live', ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: 5 },
      RecursiveLoop: 'Allow', EphemeralStorage: { Size: 2048 }, DeadLetterQueue: { Type: 'SQS' },
      EventInvokeConfig: { MaximumRetryAttempts: 1, MaximumEventAgeInSeconds: 3600, DestinationConfig: { OnSuccess: { Type: 'Lambda' }, OnFailure: { Type: 'SQS' } } },
    });
    expect(t.Resources[w.EventInvokeConfig.DestinationConfig.OnSuccess.Destination['Fn::GetAtt'][0]].Properties!.FunctionName).toBe('auditor');
    const layerResources = w.Layers.map((l: { Ref: string }) => t.Resources[l.Ref]);
    expect(layerResources.map((r: any) => [r.Type, r.Properties.LayerName, r.Properties.ContentUri])).toEqual([
      ['AWS::Serverless::LayerVersion', 'shared-libs', 'layers/shared-libs/'], ['AWS::Serverless::LayerVersion', 'extras', 'layers/extras/'],
    ]);
    const events = Object.values(w.Events) as { Type: string; Properties: any }[];
    expect(events.map((e) => e.Type)).toEqual(['SNS', 'Schedule']);
    expect(events[1].Properties.Schedule).toBe('rate(5 minutes)');
    const a = fnResource(t, 'auditor');
    expect(a).toMatchObject({ AutoPublishAlias: 'prod', ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: 2 }, Runtime: 'nodejs24.x', Events: { WebEvent: { Type: 'Api', Properties: { Method: 'ANY' } } } });
    expect(a.Description).toContain('java21');
    expect(t.Outputs).toHaveProperty('ApiUrl');
    expect(files[1].content).toContain('setTimeout(resolve, 20)');
  });

  it('writes one API route for two traffic sources on the same function, as SAM refuses a method defined twice', () => {
    const scenario = PRESETS.map((p) => parseScenario(p.scenario) as ExportScenario).find((s) => s.sources.filter((x) => x.type === 'api-gateway').length > 1)!;
    const t = checkTemplate(samTemplateYaml(scenario), scenario);
    const fn = scenario.sources.find((s) => s.type === 'api-gateway')!.function;
    expect(Object.values(fnResource(t, fn).Events).filter((e: any) => e.Type === 'Api')).toHaveLength(1);
  });

  it('zips the files under one folder, readable back byte for byte', () => {
    const files = samFiles(consoleScenario);
    const back = unzipSync(samZip(files, 'my-stack'));
    expect(Object.keys(back).sort()).toEqual(['my-stack/src/index.mjs', 'my-stack/template.yaml']);
    expect(strFromU8(back['my-stack/template.yaml'])).toBe(files[0].content);
  });

  const lessonScenarios = [
    ...challenges.map((c) => [`lesson challenge ${c.name}`, c.scenario] as const),
    ...PRESETS.map((p) => [`player preset ${p.id}`, p.scenario] as const),
  ];
  it.each(lessonScenarios)('exports %s: every function with its memory and timeout, every pushed or polled source as an event of its kind', (_name, raw) => {
    const scenario = parseScenario(raw) as ExportScenario;
    const t = checkTemplate(samTemplateYaml(scenario), scenario);
    for (const s of scenario.sources.filter((src) => src.type !== 'invoke')) {
      const types = Object.values(fnResource(t, s.function.split(':')[0]).Events ?? {}).map((e: any) => e.Type);
      expect(types).toContain(EVENT_TYPE[s.type]);
    }
  });
});
