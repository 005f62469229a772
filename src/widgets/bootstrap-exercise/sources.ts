// The custom-runtime exercise of module 4: three orders, the third one bad, served by a
// `bootstrap` loop the learner completes (F96-F102). The same events and the reference loop
// drive the Runtime API animation (runtime-loop), so the lesson shows a real run of it.

export const ORDER_EVENTS = [
  { order: 'o-1', quantity: 2 },
  { order: 'o-2', quantity: 1 },
  { order: 'o-3', quantity: 'lots' },
];

export { DEFAULT_TIMEOUT_MS as TIMEOUT_MS } from '../../../simulator/constants'; // F29

const HEAD = `// bootstrap: the entry point of a provided.al2023 custom runtime.
// A real one is any executable; here it is JavaScript with fetch().
const api = \`http://\${process.env.AWS_LAMBDA_RUNTIME_API}/2018-06-01\`;

// The function's own code: in a managed runtime this would be the handler.
async function handler(event) {
  if (typeof event.quantity !== 'number') {
    throw new TypeError(\`quantity must be a number, got \${JSON.stringify(event.quantity)}\`);
  }
  return { order: event.order, total: event.quantity * 3.5 };
}

while (true) {
  // 1. Ask for the next event. The call blocks while there is none.
  const next = await fetch(\`\${api}/runtime/invocation/next\`);
  const requestId = next.headers.get('Lambda-Runtime-Aws-Request-Id');
  const event = await next.json();
`;

export const STARTER_BOOTSTRAP = `${HEAD}
  // 2. Run the handler and 3. report what happened. Replace these two TODOs:
  // TODO: call handler(event), then POST the result (as JSON) to
  //       \`\${api}/runtime/invocation/\${requestId}/response\`
  // TODO: if the handler throws, POST
  //       { errorType: err.name, errorMessage: err.message, stackTrace: [] }
  //       to \`\${api}/runtime/invocation/\${requestId}/error\` instead.
}
`;

export const REFERENCE_BOOTSTRAP = `${HEAD}
  // 2. Run the handler, 3. report its result or its error.
  try {
    const result = await handler(event);
    await fetch(\`\${api}/runtime/invocation/\${requestId}/response\`, {
      method: 'POST',
      body: JSON.stringify(result),
    });
  } catch (err) {
    await fetch(\`\${api}/runtime/invocation/\${requestId}/error\`, {
      method: 'POST',
      headers: { 'Lambda-Runtime-Function-Error-Type': 'Runtime.HandlerError' },
      body: JSON.stringify({ errorType: err.name, errorMessage: err.message, stackTrace: [] }),
    });
  }
}
`;
