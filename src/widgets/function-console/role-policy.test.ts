// The console's execution role field: JSON text the engine's IAM schema judges, named by field.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type FunctionConfig } from './state';
import { functionSpec, validateConfig } from './validate-config';

const withPolicy = (rolePolicy: string): FunctionConfig => ({ ...DEFAULT_CONFIG, rolePolicy });
const allowGet = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] });

describe('the execution role policy field', () => {
  it('a valid policy becomes the function\'s role', () => {
    expect(validateConfig(withPolicy(allowGet))).toEqual([]);
    expect(functionSpec(withPolicy(allowGet), '', {})).toMatchObject({ role: { name: 'console-function-role', policy: JSON.parse(allowGet) } });
  });

  it('no field, no role: the function may call anything, as before', () => {
    expect(functionSpec(DEFAULT_CONFIG, '', {})).not.toHaveProperty('role');
  });

  it('text that is not JSON is named as the policy field\'s problem', () => {
    expect(validateConfig(withPolicy('{ "Statement": [ '))).toEqual([expect.objectContaining({ field: 'rolePolicy', message: expect.stringMatching(/^Execution role policy: not valid JSON/) })]);
  });

  it('JSON that is no IAM policy (Effect "Permit") is refused by the engine\'s schema, on the same field', () => {
    const issues = validateConfig(withPolicy(JSON.stringify({ Statement: [{ Effect: 'Permit', Action: 's3:GetObject', Resource: '*' }] })));
    expect(issues.map((i) => i.field)).toEqual(['rolePolicy']);
    expect(issues[0].message).toMatch(/^Execution role policy: /);
  });
});
