// What the SAM export reads: a scenario (plain data, as the engine takes it) plus a few optional
// fields the engine does not model yet (ephemeral storage, a DLQ, an S3 key filter, a schedule). Only types come from the engine, so this module never loads it.
import type { FunctionSpec, Scenario, SourceSpec } from '../../../simulator/index';

export type ExportFunction = FunctionSpec & {
  /** An alias for AutoPublishAlias when the function declares no aliases of its own. */
  alias?: string;
  ephemeralStorageMB?: number;
  /** A queue name for events that fail every async attempt (a DLQ, F65). */
  deadLetterQueue?: string;
};

export type ExportSource = SourceSpec & {
  /** S3 key filter rules. */
  prefix?: string;
  suffix?: string;
  /** An EventBridge schedule expression, e.g. rate(5 minutes). */
  schedule?: string;
  startingPosition?: 'LATEST' | 'TRIM_HORIZON';
};

export type ExportScenario = Omit<Scenario, 'functions' | 'sources'> & {
  functions: ExportFunction[];
  sources: ExportSource[];
};

export interface SamExportOptions {
  /** Export only these functions (and the sources that feed them); default all. */
  only?: string[];
  /** AutoPublishAlias for every exported function that names none itself. */
  alias?: string;
  description?: string;
}

/** One file of the download: a path inside the project folder and its text. */
export interface SamFile {
  path: string;
  content: string;
}

/** A CloudFormation resource as plain data (intrinsics in their long form: { Ref }, { 'Fn::GetAtt' }). */
export interface CfnResource {
  Type: string;
  Properties?: Record<string, unknown>;
}
