// API Gateway proxy events: REST API (payload format 1.0) and HTTP API (payload format 2.0).
import type { APIGatewayProxyEvent, APIGatewayProxyEventV2 } from 'aws-lambda';
import {
  DEFAULT_ACCOUNT_ID, apiGatewayTime, randomBase64, randomChars, randomHex, uuid, type EventContext,
} from './encoding';

export interface HttpRequestInput {
  method?: string;              // default POST when there is a body, else GET
  path?: string;                // default '/'
  body?: string | null;         // null or absent: no body
  stage?: string;
  /** Single-valued query parameters; the order given is the raw query string's order. */
  query?: Record<string, string>;
}

const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const USER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64) LambdaLab/1.0';
const SOURCE_IP = '198.51.100.7';

const traceRoot = (ctx: EventContext): string =>
  `Root=1-${Math.floor(ctx.epochMs / 1000).toString(16).padStart(8, '0')}-${randomHex(ctx.rng, 24)}`;

/** The headers an edge-optimized REST API forwards (CloudFront adds its own). */
function restHeaders(host: string, ctx: EventContext): Record<string, string> {
  return {
    Accept: '*/*',
    'Accept-Encoding': 'gzip, deflate',
    'CloudFront-Forwarded-Proto': 'https',
    'CloudFront-Is-Desktop-Viewer': 'true',
    'CloudFront-Is-Mobile-Viewer': 'false',
    'CloudFront-Is-SmartTV-Viewer': 'false',
    'CloudFront-Is-Tablet-Viewer': 'false',
    'CloudFront-Viewer-ASN': '64496',
    'CloudFront-Viewer-Country': 'GB',
    Host: host,
    'User-Agent': USER_AGENT,
    Via: `1.1 ${randomHex(ctx.rng, 32)}.cloudfront.net (CloudFront)`,
    'X-Amz-Cf-Id': `${randomBase64(ctx.rng, 54)}==`,
    'X-Amzn-Trace-Id': traceRoot(ctx),
    'X-Forwarded-For': `${SOURCE_IP}, 130.176.0.1`,
    'X-Forwarded-Port': '443',
    'X-Forwarded-Proto': 'https',
  };
}

interface RestRoute { apiId: string; host: string; method: string; path: string; stage: string }

// Built apart from the event so that `deploymentId`, which AWS sends but @types/aws-lambda does
// not list, passes the type check without a cast.
function restRequestContext(route: RestRoute, ctx: EventContext): APIGatewayProxyEvent['requestContext'] {
  const { apiId, host, method, path, stage } = route;
  const requestContext = {
    resourceId: randomChars(ctx.rng, LOWER_ALNUM, 6),
    resourcePath: path,
    httpMethod: method,
    extendedRequestId: `${randomBase64(ctx.rng, 15)}=`,
    requestTime: apiGatewayTime(ctx.epochMs),
    path: `/${stage}${path}`,
    accountId: ctx.accountId ?? DEFAULT_ACCOUNT_ID,
    protocol: 'HTTP/1.1',
    stage,
    domainPrefix: apiId,
    requestTimeEpoch: ctx.epochMs,
    requestId: uuid(ctx.rng),
    identity: {
      cognitoIdentityPoolId: null, accountId: null, cognitoIdentityId: null, caller: null,
      sourceIp: SOURCE_IP, principalOrgId: null, accessKey: null, cognitoAuthenticationType: null,
      cognitoAuthenticationProvider: null, userArn: null, userAgent: USER_AGENT, user: null,
      // Absent from the sample; @types/aws-lambda requires them. They are null unless the API
      // uses API keys (apiKey, apiKeyId) or mutual TLS (clientCert).
      apiKey: null, apiKeyId: null, clientCert: null,
    },
    // Required by @types/aws-lambda; without an authorizer there is nothing in it.
    authorizer: null,
    domainName: host,
    deploymentId: randomChars(ctx.rng, LOWER_ALNUM, 6),
    apiId,
  };
  return requestContext;
}

export function buildApiGatewayV1Event(input: HttpRequestInput, ctx: EventContext): APIGatewayProxyEvent {
  const apiId = randomChars(ctx.rng, LOWER_ALNUM, 10);
  const host = `${apiId}.execute-api.${ctx.region ?? 'us-east-1'}.amazonaws.com`;
  const method = input.method ?? (input.body != null ? 'POST' : 'GET');
  const path = input.path ?? '/';
  const stage = input.stage ?? 'prod';
  const headers = restHeaders(host, ctx);
  const query = input.query && Object.keys(input.query).length > 0 ? input.query : null;
  const requestContext = restRequestContext({ apiId, host, method, path, stage }, ctx);
  return {
    resource: path,
    path,
    httpMethod: method,
    headers,
    multiValueHeaders: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]])),
    queryStringParameters: query,
    multiValueQueryStringParameters: query && Object.fromEntries(Object.entries(query).map(([k, v]) => [k, [v]])),
    pathParameters: null,
    stageVariables: null,
    requestContext,
    body: input.body ?? null,
    isBase64Encoded: false,
  };
}

export function buildApiGatewayV2Event(input: HttpRequestInput, ctx: EventContext): APIGatewayProxyEventV2 {
  const apiId = randomChars(ctx.rng, LOWER_ALNUM, 10);
  const host = `${apiId}.execute-api.${ctx.region ?? 'us-east-1'}.amazonaws.com`;
  const method = input.method ?? (input.body != null ? 'POST' : 'GET');
  const path = input.path ?? '/';
  const routeKey = `${method} ${path}`;
  const rawQueryString = new URLSearchParams(input.query ?? {}).toString();
  const body = input.body ?? undefined;
  return {
    version: '2.0',
    routeKey,
    rawPath: path,
    rawQueryString,
    headers: {
      accept: '*/*',
      'accept-encoding': 'gzip, deflate',
      'content-length': String(body === undefined ? 0 : new TextEncoder().encode(body).length),
      host,
      'user-agent': USER_AGENT,
      'x-amzn-trace-id': traceRoot(ctx),
      'x-forwarded-for': SOURCE_IP,
      'x-forwarded-port': '443',
      'x-forwarded-proto': 'https',
    },
    ...(rawQueryString ? { queryStringParameters: { ...input.query } } : {}),
    requestContext: {
      accountId: ctx.accountId ?? DEFAULT_ACCOUNT_ID,
      apiId,
      domainName: host,
      domainPrefix: apiId,
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: SOURCE_IP, userAgent: USER_AGENT },
      requestId: `${randomBase64(ctx.rng, 15)}=`,
      routeKey,
      stage: input.stage ?? '$default',
      time: apiGatewayTime(ctx.epochMs),
      timeEpoch: ctx.epochMs,
    },
    ...(body !== undefined ? { body } : {}),
    isBase64Encoded: false,
  };
}
