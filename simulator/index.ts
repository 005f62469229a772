// The engine's one front door (shared/simulator-contract.md). Widgets, lessons, tests and
// scripts use only what this file exports.
export { simulate, createSimulation } from './simulation';
export { parseScenario, ScenarioError, type ScenarioIssue } from './scenario/parse';
// Lambda's limits and the scenario's defaults, for widgets that must not keep copies (F03, F28, F29, F31, F32).
export * from './constants';
export type {
  Scenario, FunctionSpec, SourceSpec, SourceType, Dist, Arrivals, ModelHandler, CodeHandler, AsyncConfig,
  RecordOptions, ServiceOptions, InvokeSourceSpec, ApiGatewaySourceSpec, PushSourceSpec, SqsSourceSpec,
  StreamSourceSpec,
} from './scenario/types';
export type {
  SimulationResult, RequestRecord, InvocationRecord, EnvironmentRecord, LogLine, FunctionMetrics, FunctionCost,
  RequestOutcome, InvocationStatus, EnvironmentEndReason, SeriesPoint, DependencyTotals,
} from './trace/records';
export type { Simulation, SimulationOptions, SimulationEvent, LiveEnvironment, InvokeOptions, RecordBatch } from './simulationTypes';
export { executionEnvironmentMachine } from './machines/executionEnvironmentMachine';
export { functionScalerMachine } from './machines/functionScalerMachine';
export { registerSource, sourceKey, registeredSourceKeys } from './sources/types';
export type { SourceContext, SourceFactory, SourceInstance, SourceKey, InvokeCall, InvokeOutcome } from './sources/types';
// Event sources (issue 4): registering them is a side effect of this module; sampleEvent feeds the console's test-event picker.
export { EVENT_SOURCE_KEYS } from './sources/eventSources';
export { sampleEvent, SAMPLE_EVENT_KINDS, type SampleEventKind } from './sources/events/sampleEvent';
// Code-handler runtime (issue 5): editor declarations of the lambda-lab:db / lambda-lab:http modules (tiny; the runtime itself stays lazy).
export { HANDLER_MODULES_DTS } from './runtime/handler-types';
// Custom runtimes: the Runtime API a `bootstrap` talks to (F96-F102), and a runner for one written in JavaScript.
export { createRuntimeApi, RUNTIME_API_HOST, RUNTIME_API_VERSION, type RuntimeApi, type ApiStep, type ServedInvocation } from './runtime/runtimeApi';
export { runBootstrap, type BootstrapRunResult, type BootstrapOutcome, type BootstrapRunOptions } from './runtime/bootstrapRun';
