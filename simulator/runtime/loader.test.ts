// The module loader finds imports with a lexer, so import-like text in strings, comments,
// templates and regular expressions is left alone (F104, F105, F129).
import { describe, expect, test } from 'vitest';
import { codeSpec, harness } from './testing/fake-host';
import { lexModule } from './lexModule';

async function firstInvoke(source: string) {
  const h = harness(codeSpec(source));
  const init = await h.init();
  const outcome = init.status === 'success' ? await h.invoke({}) : init;
  h.destroy();
  return outcome;
}

describe('the module loader', () => {
  test("a handler whose code merely contains import( in a string loads and returns the string", async () => {
    expect(await firstInvoke(`export const handler = async () => "import('x')";`)).toEqual({ status: 'success', response: "import('x')" });
  });

  test('eval("import(…)") text inside a string does not break loading', async () => {
    const source = `export const handler = async () => 'eval("import(\\'lambda-lab:db\\')")';`;
    expect(await firstInvoke(source)).toEqual({ status: 'success', response: `eval("import('lambda-lab:db')")` });
  });

  test('import-like text in comments, templates and regular expressions of a CommonJS file is left alone', async () => {
    const source = `// import('a') in a comment
const re = /import\\('b'\\)/;
exports.handler = async () => \`\${re.test("import('b')")} import('c')\`; /* export default 1 */`;
    expect(await firstInvoke(source)).toEqual({ status: 'success', response: "true import('c')" });
  });

  test('real static and dynamic imports of provided modules still resolve, in both module systems', async () => {
    const esm = `import { format } from 'node:util';
export const handler = async () => { const { randomUUID } = await import ( 'node:crypto' ); return format('%s', typeof randomUUID); };`;
    expect(await firstInvoke(esm)).toEqual({ status: 'success', response: 'function' });
    const cjs = `exports.handler = async () => (await import('lambda-lab:http')).get.name;`;
    expect(await firstInvoke(cjs)).toEqual({ status: 'success', response: 'get' });
  });

  test('an unclosed string is Runtime.UserCodeSyntaxError (F129)', async () => {
    expect(await firstInvoke(`export const handler = async () => "open;\n`)).toMatchObject({ status: 'error', errorType: 'Runtime.UserCodeSyntaxError' });
  });

  test('the lexer reports imports by position and whether the file has module syntax', () => {
    const lexed = lexModule(`const s = "import('x')"; import db from 'lambda-lab:db';`);
    expect(lexed).toMatchObject({ moduleSyntax: true, imports: [{ n: 'lambda-lab:db', t: 1 }] });
    expect(lexModule(`exports.h = () => "export const x = 1";`)).toMatchObject({ moduleSyntax: false, imports: [] });
  });
});
