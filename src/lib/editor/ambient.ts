// Declarations the handler sees without imports: a Node-like global scope (no DOM) and short
// names for the aws-lambda types. Kept tiny: the full @types/node would cost megabytes.
export const HANDLER_GLOBALS_DTS = `
declare var console: {
  log(...data: any[]): void; info(...data: any[]): void; warn(...data: any[]): void;
  error(...data: any[]): void; debug(...data: any[]): void; trace(...data: any[]): void;
};
declare var process: { env: Record<string, string | undefined> };
declare function setTimeout(fn: (...args: any[]) => void, ms?: number, ...args: any[]): any;
declare function clearTimeout(id: any): void;
declare function setInterval(fn: (...args: any[]) => void, ms?: number, ...args: any[]): any;
declare function clearInterval(id: any): void;
type Context = import('aws-lambda').Context;
type Handler<E = any, R = any> = import('aws-lambda').Handler<E, R>;
type APIGatewayProxyEvent = import('aws-lambda').APIGatewayProxyEvent;
type APIGatewayProxyResult = import('aws-lambda').APIGatewayProxyResult;
`;

/** handler.d.ts imports node:stream for response streaming; a stub keeps it resolvable. */
export const NODE_STREAM_STUB_DTS = `declare module 'node:stream' { export class Writable {} }`;
