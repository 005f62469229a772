// A scenario as an AWS SAM template: each function an AWS::Serverless::Function with its
// configuration, role statements, async settings, layers and events, plus the resources the
// events need. Pure: plain data in, plain data out (emit.ts writes the YAML).
// Properties: https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-function.html
import { defined, eventFor } from './events';
import { handlerFile } from './handlerFiles';
import { getAtt, logicalId, ref } from './names';
import type { LayerSpec } from '../../../simulator/index';
import type { CfnResource, ExportFunction, ExportScenario, SamExportOptions } from './types';

// The engine's defaults (simulator/scenario/defaults.ts, checked equal in template.test.ts); copied
// so that exporting never loads the engine: F28 (128 MB), F29 (3 s), nodejs24.x.
export const EXPORT_DEFAULTS = { memoryMB: 128, timeoutMs: 3000, runtime: 'nodejs24.x' } as const;

/** Node managed runtimes Lambda offers today (F139); a model handler on any other runtime is exported as a Node stand-in. */
export const NODE_RUNTIMES = ['nodejs20.x', 'nodejs22.x', 'nodejs24.x'];

export interface SamTemplate {
  AWSTemplateFormatVersion: '2010-09-09';
  Transform: 'AWS::Serverless-2016-10-31';
  Description: string;
  Resources: Record<string, CfnResource>;
  Outputs?: Record<string, { Description: string; Value: unknown }>;
}

export interface FunctionPlan {
  fn: ExportFunction;
  id: string;
  /** The function's folder in the download, '' when it is the only one (CodeUri src/). */
  dir: string;
}

export function plan(scenario: ExportScenario, options: SamExportOptions = {}): FunctionPlan[] {
  const fns = scenario.functions.filter((f) => !options.only || options.only.includes(f.name));
  return fns.map((fn) => ({ fn, id: logicalId(fn.name, 'function'), dir: fns.length === 1 ? '' : `${fn.name}/` }));
}

export function samTemplate(scenario: ExportScenario, options: SamExportOptions = {}): SamTemplate {
  const resources: Record<string, CfnResource> = {};
  const plans = plan(scenario, options);
  const byName = new Map(plans.map((p) => [p.fn.name, p.id]));
  for (const p of plans) {
    const events: Record<string, unknown> = {};
    const seen = new Set<string>();
    // A source may target a version or alias (fn:3, fn:live); with AutoPublishAlias, SAM's events invoke the alias.
    for (const s of scenario.sources.filter((src) => src.function.split(':')[0] === p.fn.name)) {
      const e = eventFor(s, resources);
      // Two traffic sources on one API route are one route in AWS (SAM refuses a method defined twice).
      const same = e && JSON.stringify(e.event);
      if (e && !seen.has(same!)) events[e.key] = e.event;
      if (same) seen.add(same);
    }
    resources[p.id] = {
      Type: 'AWS::Serverless::Function',
      Properties: functionProperties(p, scenario, options, byName, resources, events),
    };
  }
  const hasApi = Object.values(resources).some((r) => Object.values((r.Properties?.Events ?? {}) as Record<string, { Type: string }>).some((e) => e.Type === 'Api'));
  const outputs: SamTemplate['Outputs'] = {};
  for (const p of plans) outputs[`${p.id}Arn`] = { Description: `ARN of ${p.fn.name}`, Value: getAtt(p.id, 'Arn') };
  // SAM names the implicit REST API ServerlessRestApi and deploys it to the Prod stage.
  // https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-specification-generated-resources-function.html
  if (hasApi) outputs.ApiUrl = { Description: 'The API endpoint', Value: { 'Fn::Sub': 'https://${ServerlessRestApi}.execute-api.${AWS::Region}.amazonaws.com/Prod/' } };
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Transform: 'AWS::Serverless-2016-10-31',
    Description: options.description ?? 'Exported from Lambda Lab',
    Resources: resources,
    Outputs: outputs,
  };
}

function functionProperties(
  p: FunctionPlan, scenario: ExportScenario, options: SamExportOptions, byName: Map<string, string>,
  resources: Record<string, CfnResource>, events: Record<string, unknown>,
): Record<string, unknown> {
  const fn = p.fn;
  const file = handlerFile(fn);
  const runtime = fn.runtime ?? EXPORT_DEFAULTS.runtime;
  // SAM publishes one version per deploy and points one alias at it: the function's first alias.
  const alias = fn.aliases?.[0]?.name ?? fn.alias ?? options.alias ?? (fn.provisionedConcurrency ? 'live' : undefined);
  const provisioned = fn.provisionedConcurrency ?? fn.aliases?.[0]?.provisionedConcurrency;
  const env = fn.environment && Object.keys(fn.environment).length > 0 ? { Variables: fn.environment } : undefined;
  return defined({
    FunctionName: fn.name,
    Description: NODE_RUNTIMES.includes(runtime) ? undefined : `Modelled on ${runtime} in the simulation; exported as a Node.js stand-in`,
    CodeUri: `src/${p.dir}`,
    Handler: file.handler,
    Runtime: NODE_RUNTIMES.includes(runtime) ? runtime : EXPORT_DEFAULTS.runtime,
    Architectures: [fn.architecture ?? 'x86_64'],
    MemorySize: fn.memoryMB ?? EXPORT_DEFAULTS.memoryMB,
    Timeout: (fn.timeoutMs ?? EXPORT_DEFAULTS.timeoutMs) / 1000,
    EphemeralStorage: fn.ephemeralStorageMB !== undefined ? { Size: fn.ephemeralStorageMB } : undefined,
    Environment: env,
    ReservedConcurrentExecutions: fn.reservedConcurrency,
    // Provisioned concurrency lives on a version or alias (F16); SAM needs AutoPublishAlias for it.
    AutoPublishAlias: alias,
    ProvisionedConcurrencyConfig: provisioned ? { ProvisionedConcurrentExecutions: provisioned } : undefined,
    // Passed through to AWS::Lambda::Function RecursiveLoop (F95).
    // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-lambda-function.html#cfn-lambda-function-recursiveloop
    RecursiveLoop: fn.recursiveLoop,
    // An IAM policy document in Policies: "a list of ... policy documents" (SAM Policies property).
    Policies: fn.role ? [{ Statement: fn.role.policy.Statement }] : undefined,
    DeadLetterQueue: fn.deadLetterQueue ? { Type: 'SQS', TargetArn: getAtt(queueFor(fn.deadLetterQueue, resources), 'Arn') } : undefined,
    EventInvokeConfig: eventInvokeConfig(fn, byName, resources),
    Layers: layers(fn.layers, runtime, resources),
    Events: Object.keys(events).length ? events : undefined,
  });
}

function queueFor(name: string, resources: Record<string, CfnResource>): string {
  const id = logicalId(name, 'queue');
  resources[id] ??= { Type: 'AWS::SQS::Queue' };
  return id;
}

/**
 * Retries, event age and destinations of async invokes (F65, F68). A destination that names a
 * function of the scenario is that function; any other name becomes an SQS queue.
 * https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-function-eventinvokeconfiguration.html
 * https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-function-eventinvokedestinationconfiguration.html
 */
function eventInvokeConfig(fn: ExportFunction, byName: Map<string, string>, resources: Record<string, CfnResource>) {
  const a = fn.async;
  if (!a) return undefined;
  const dest = (name: string | undefined) => {
    if (!name) return undefined;
    const target = byName.get(name);
    return target ? { Type: 'Lambda', Destination: getAtt(target, 'Arn') } : { Type: 'SQS', Destination: getAtt(queueFor(name, resources), 'Arn') };
  };
  const destinations = defined({ OnSuccess: dest(a.onSuccess), OnFailure: dest(a.onFailure) });
  return defined({
    MaximumRetryAttempts: a.maximumRetryAttempts,
    MaximumEventAgeInSeconds: a.maximumEventAgeMs === undefined ? undefined : Math.round(a.maximumEventAgeMs / 1000),
    DestinationConfig: Object.keys(destinations).length ? destinations : undefined,
  });
}

/**
 * Each layer as an AWS::Serverless::LayerVersion whose content is its folder in the download.
 * https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-layerversion.html
 */
function layers(list: LayerSpec[] | undefined, runtime: string, resources: Record<string, CfnResource>) {
  if (!list?.length) return undefined;
  return list.map((l) => {
    const id = logicalId(l.name, 'layer');
    resources[id] ??= {
      Type: 'AWS::Serverless::LayerVersion',
      Properties: { LayerName: l.name, ContentUri: layerFolder(l.name), CompatibleRuntimes: [NODE_RUNTIMES.includes(runtime) ? runtime : EXPORT_DEFAULTS.runtime] },
    };
    return ref(id);
  });
}

export const layerFolder = (name: string) => `layers/${name}/`;
