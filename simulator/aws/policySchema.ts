// zod schemas of IAM JSON policies as a scenario writes them (types in ./iam.ts).
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements.html
import { z } from 'zod';

const oneOrMany = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

const principalSchema = z.union([
  z.literal('*'),
  z.strictObject({ Service: oneOrMany.optional(), AWS: oneOrMany.optional() }),
]);

const statementSchema = z
  .strictObject({
    Sid: z.string().optional(),
    Effect: z.enum(['Allow', 'Deny']),
    Action: oneOrMany.optional(),
    NotAction: oneOrMany.optional(),
    Resource: oneOrMany.optional(),
    NotResource: oneOrMany.optional(),
    Principal: principalSchema.optional(),
    Condition: z.record(z.string(), z.record(z.string(), oneOrMany)).optional(),
  })
  // IAM rejects a statement with both or neither of Action/NotAction (and Resource/NotResource).
  .refine((s) => (s.Action === undefined) !== (s.NotAction === undefined), 'a statement has Action or NotAction, not both')
  .refine((s) => (s.Resource === undefined) !== (s.NotResource === undefined), 'a statement has Resource or NotResource, not both');

export const policyDocumentSchema = z.strictObject({
  Version: z.enum(['2012-10-17', '2008-10-17']).optional(),
  Statement: z.array(statementSchema),
});

export const executionRoleSchema = z.strictObject({
  name: z.string().regex(/^[\w+=,.@-]{1,64}$/, 'a role name is 1-64 letters, digits or +=,.@_-').optional(),
  policy: policyDocumentSchema,
});
