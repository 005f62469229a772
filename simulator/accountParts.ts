// What a simulation needs only when its scenario has an AWS account or code handlers: the account
// (S3, SQS, SNS, DynamoDB, Lambda's API) and the simulated database and HTTP services. run.ts
// loads it with the engine; checked.ts fetches it only for such a scenario, so the player's
// worker running a model-only scenario never loads it.
export { AwsAccount, withAwsAccount } from './aws/account';
export { createDependencyService } from './runtime/dependencies';
