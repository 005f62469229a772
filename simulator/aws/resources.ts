// What event sources see of the account: the resources they attach to. An interface of its
// own so that sources/types.ts does not import the account (which invokes through sources).
import type { S3Trigger } from './s3';
import type { QueueConsumer, QueueMessage } from './sqs';
import type { SnsDelivery } from './sns';
import type { TableChange } from './dynamodb';
import type { AwsQueueSpec } from '../scenario/types';
import type { Lineage } from './types';

export interface AwsResources {
  s3: { attachTrigger(bucket: string, trigger: S3Trigger): void };
  sqs: {
    attachConsumer(queue: string, consumer: QueueConsumer): void;
    spec(queue: string): AwsQueueSpec | undefined;
    deadLetter(queue: string, message: QueueMessage): boolean;
  };
  sns: { subscribe(topic: string, deliver: (delivery: SnsDelivery, lineage: Lineage) => void): void };
  dynamodb: { attachStream(table: string, deliver: (change: TableChange, lineage: Lineage) => void): void };
}
