import type { APIGatewayProxyEvent, APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { buildApiGatewayV1Event, buildApiGatewayV2Event } from './apiGateway';
import { loadAwsSample } from './awsSamples.testkit';
import { seededRng } from './encoding';
import { compareFieldShapes, fieldShape } from './fieldShape';

const ctx = () => ({ epochMs: 1_718_635_693_506, rng: seededRng(5), region: 'eu-west-1' });

describe('API Gateway REST (payload 1.0) event builder', () => {
  it('builds an event that type-checks and has the AWS sample field set, plus the identity and authorizer keys the type requires', () => {
    const event: APIGatewayProxyEvent = buildApiGatewayV1Event({ method: 'POST', path: '/no-auth', body: null }, ctx());
    expect(compareFieldShapes(fieldShape(event), fieldShape(loadAwsSample('api-gateway-rest-v1.json')))).toEqual({
      onlyInBuilt: [
        'requestContext.identity.apiKey', 'requestContext.identity.apiKeyId', 'requestContext.identity.clientCert',
        'requestContext.authorizer',
      ],
      onlyInSample: [],
      typeMismatches: [],
    });
  });

  it('passes the body as a string, the stage in the path and the time in both formats', () => {
    const event = buildApiGatewayV1Event({ path: '/orders', body: '{"a":1}', query: { page: '2' } }, ctx());
    expect(event.httpMethod).toBe('POST');
    expect(event.body).toBe('{"a":1}');
    expect(event.requestContext.path).toBe('/prod/orders');
    expect(event.requestContext.requestTime).toBe('17/Jun/2024:14:48:13 +0000');
    expect(event.requestContext.requestTimeEpoch).toBe(1_718_635_693_506);
    expect(event.multiValueQueryStringParameters).toEqual({ page: ['2'] });
    expect(event.multiValueHeaders.Host).toEqual([event.headers.Host]);
  });
});

describe('API Gateway HTTP API (payload 2.0) event builder', () => {
  it('builds an event that type-checks and has the AWS sample field set, without an authorizer block', () => {
    const event: APIGatewayProxyEventV2 = buildApiGatewayV2Event({ method: 'POST', path: '/lambda' }, ctx());
    // The sample's route had an authorizer attached; a route without one has no `authorizer`
    // (aws-lambda-go events/testdata/apigw-v2-request-no-authorizer.json), and the type has none.
    expect(compareFieldShapes(fieldShape(event), fieldShape(loadAwsSample('api-gateway-http-v2.json')))).toEqual({
      // The sample's client also sent an Authorization header; headers are the caller's data.
      onlyInBuilt: [], onlyInSample: ['headers.authorization', 'requestContext.authorizer', 'requestContext.authorizer.lambda'],
      typeMismatches: [],
    });
  });

  it('adds body and query parameters only when the request has them', () => {
    const event = buildApiGatewayV2Event({ path: '/orders', body: 'héllo', query: { a: '1', b: 'x y' } }, ctx());
    expect(event.body).toBe('héllo');
    expect(event.headers['content-length']).toBe('6');
    expect(event.rawQueryString).toBe('a=1&b=x+y');
    expect(event.queryStringParameters).toEqual({ a: '1', b: 'x y' });
    expect(event.routeKey).toBe('POST /orders');
    expect('body' in buildApiGatewayV2Event({}, ctx())).toBe(false);
  });
});
