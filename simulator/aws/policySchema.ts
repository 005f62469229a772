// zod schemas of IAM JSON policies as a scenario writes them (types in ./iam.ts).
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements.html
import { z } from 'zod';

const oneOrMany = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);
const oneOrManyOf = (what: string) => oneOrMany.optional().describe(`${what}: one string or a list.`);

const principalSchema = z.union([
  z.literal('*'),
  z.strictObject({
    Service: oneOrManyOf('AWS services the statement is about, e.g. s3.amazonaws.com'),
    AWS: oneOrManyOf('AWS accounts (12 digits) or ARNs the statement is about'),
  }),
]).describe('Resource-based policies only: who the statement is about, "*" for anyone.');

const statementSchema = z
  .strictObject({
    Sid: z.string().optional().describe('A label for the statement; IAM does not read it.'),
    Effect: z.enum(['Allow', 'Deny']).describe('Allow or Deny what the statement matches; a Deny always wins.'),
    Action: oneOrManyOf('The actions it matches, e.g. dynamodb:GetItem or dynamodb:*'),
    NotAction: oneOrManyOf('It matches every action except these'),
    Resource: oneOrManyOf('The ARNs it matches; * and ? match any text and any one character'),
    NotResource: oneOrManyOf('It matches every ARN except these'),
    Principal: principalSchema.optional(),
    Condition: z.record(z.string(), z.record(z.string(), oneOrMany)).optional()
      .describe('Extra tests by operator, then key, e.g. { "ArnLike": { "aws:SourceArn": "arn:aws:s3:::photos" } }.'),
  })
  // IAM rejects a statement with both or neither of Action/NotAction (and Resource/NotResource).
  .refine((s) => (s.Action === undefined) !== (s.NotAction === undefined), 'a statement has Action or NotAction, not both')
  .refine((s) => (s.Resource === undefined) !== (s.NotResource === undefined), 'a statement has Resource or NotResource, not both');

export const policyDocumentSchema = z.strictObject({
  Version: z.enum(['2012-10-17', '2008-10-17']).optional().describe('The policy language version; 2012-10-17 is current.'),
  Statement: z.array(statementSchema).describe('The statements: anything no statement allows is denied.'),
});

export const executionRoleSchema = z.strictObject({
  name: z.string().regex(/^[\w+=,.@-]{1,64}$/, 'a role name is 1-64 letters, digits or +=,.@_-').optional()
    .describe('The role\'s name, as in its ARN and in denial messages.'),
  policy: policyDocumentSchema.describe('What the role allows the function to do.'),
});
