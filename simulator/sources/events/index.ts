// Real event payload builders (lambda-facts §3): pure functions of the virtual clock and a seeded PRNG.
export * from './encoding';
export { md5Hex } from './md5';
export * from './s3';
export * from './sns';
export * from './sqs';
export * from './kinesis';
export * from './dynamodb';
export * from './apiGateway';
export * from './eventBridge';
export { sampleEvent, SAMPLE_EVENT_KINDS, SAMPLE_EPOCH_MS, type SampleEventKind } from './sampleEvent';
