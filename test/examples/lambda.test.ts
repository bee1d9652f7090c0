import { createServer, type IncomingMessage } from 'node:http'
import type { APIGatewayProxyEvent, APIGatewayProxyEventV2 } from 'aws-lambda'
import { createSignature } from 'line-webhook'
import { describe, expect, it } from 'vitest'
import {
  createLambdaHandler,
  requestOf,
  type ApiGatewayEvent,
} from '../../examples/lambda/handler.js'
import { bodyOf, textEvent } from './support/bodies.js'
import { CHANNEL_SECRET } from './support/channels.js'
import { origin } from './support/node-server.js'
import { recordingWebhook, runningRecipe, type RunningRecipe } from './support/recipe.js'
import { recipeContract } from './support/recipe-contract.js'

/** The body as API Gateway passes it: a string when it is UTF-8 text, base64 otherwise. */
function eventBody(
  bytes: Buffer,
  alwaysBase64: boolean,
): { body: string; isBase64Encoded: boolean } {
  if (!alwaysBase64) {
    try {
      return {
        body: new TextDecoder('utf-8', { fatal: true }).decode(bytes),
        isBase64Encoded: false,
      }
    } catch {
      // Not UTF-8: passed on as binary.
    }
  }
  return { body: bytes.toString('base64'), isBase64Encoded: true }
}

function headersOf(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(',') : value
  }
  return headers
}

/** An HTTP API (v2) event, shaped as API Gateway sends it. */
function v2Event(
  req: IncomingMessage,
  bytes: Buffer,
  alwaysBase64: boolean,
): APIGatewayProxyEventV2 {
  const url = new URL(req.url ?? '/', 'http://localhost')
  const method = req.method ?? 'GET'
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers: headersOf(req),
    requestContext: {
      accountId: '123456789012',
      apiId: 'api-id',
      domainName: 'id.execute-api.us-east-1.amazonaws.com',
      domainPrefix: 'id',
      http: {
        method,
        path: url.pathname,
        protocol: 'HTTP/1.1',
        sourceIp: '192.0.2.1',
        userAgent: 'LineBotWebhook/2.0',
      },
      requestId: 'id',
      routeKey: '$default',
      stage: '$default',
      time: '12/Mar/2020:19:03:58 +0000',
      timeEpoch: 1583348638390,
    },
    isBase64Encoded: false,
    ...(bytes.length === 0 ? {} : eventBody(bytes, alwaysBase64)),
  }
}

/** A REST API (v1) proxy event. */
function v1Event(req: IncomingMessage, bytes: Buffer): APIGatewayProxyEvent {
  const url = new URL(req.url ?? '/', 'http://localhost')
  const headers = headersOf(req)
  return {
    resource: '/{proxy+}',
    path: url.pathname,
    httpMethod: req.method ?? 'GET',
    headers,
    multiValueHeaders: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]])),
    queryStringParameters: null,
    multiValueQueryStringParameters: null,
    pathParameters: { proxy: url.pathname.slice(1) },
    stageVariables: null,
    requestContext: {} as APIGatewayProxyEvent['requestContext'],
    ...(bytes.length === 0 ? { body: null, isBase64Encoded: false } : eventBody(bytes, false)),
  }
}

/** API Gateway in front of the function, on 127.0.0.1: each request becomes an event. */
async function serveLambda(version: 'v1' | 'v2', alwaysBase64: boolean): Promise<RunningRecipe> {
  const recording = recordingWebhook({ respond: 'after-handlers' })
  const handler = createLambdaHandler(recording.webhook)
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const bytes = Buffer.concat(chunks)
      const event: ApiGatewayEvent =
        version === 'v2' ? v2Event(req, bytes, alwaysBase64) : v1Event(req, bytes)
      void handler(event).then(({ statusCode, headers, body }) => {
        res.writeHead(statusCode, headers as Record<string, string>).end(body)
      })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return runningRecipe(origin(server), recording, async () => {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  })
}

describe('the AWS Lambda recipe behind an HTTP API (v2), every body base64-encoded', () => {
  recipeContract(() => serveLambda('v2', true), { respond: 'after-handlers' })
})

describe('the AWS Lambda recipe behind a REST API (v1), text bodies as strings', () => {
  recipeContract(() => serveLambda('v1', false), { respond: 'after-handlers' })
})

describe('the AWS Lambda recipe on literal events', () => {
  const body = bodyOf(textEvent('héllo 😀'))

  it('takes a base64 v2 event, and answers it as API Gateway expects', async () => {
    const recording = recordingWebhook({ respond: 'after-handlers' })
    const event = {
      version: '2.0',
      routeKey: 'POST /webhook',
      rawPath: '/prod/webhook',
      rawQueryString: '',
      headers: {
        host: 'id.execute-api.ap-northeast-1.amazonaws.com',
        'content-type': 'application/json; charset=utf-8',
        'x-line-signature': await createSignature({ channelSecret: CHANNEL_SECRET, body }),
      },
      requestContext: { http: { method: 'POST', path: '/prod/webhook' } },
      body: Buffer.from(body).toString('base64'),
      isBase64Encoded: true,
    } as unknown as APIGatewayProxyEventV2
    const result = await createLambdaHandler(recording.webhook)(event)
    expect(result).toEqual({
      statusCode: 200,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      body: 'OK',
    })
    // Handled before the answer: nothing is left for a frozen function to finish.
    expect(recording.recorded.take()).toMatchObject([
      { kind: 'event', event: { message: { text: 'héllo 😀' } } },
    ])
  })

  it('reads a v1 event: method, path, headers and a string body', async () => {
    const request = requestOf({
      httpMethod: 'POST',
      path: '/social/on/line/2000000001',
      headers: { Host: 'example.com', 'X-Line-Signature': 'sig' },
      body,
      isBase64Encoded: false,
    } as unknown as APIGatewayProxyEvent)
    expect([request.method, request.url, request.headers.get('x-line-signature')]).toEqual([
      'POST',
      'https://example.com/social/on/line/2000000001',
      'sig',
    ])
    expect(await request.text()).toBe(body)
  })

  it('answers 405 to a v1 GET with null headers and body', async () => {
    const { webhook } = recordingWebhook({ respond: 'after-handlers' })
    const result = await createLambdaHandler(webhook)({
      httpMethod: 'GET',
      path: '/webhook',
      headers: null,
      body: null,
      isBase64Encoded: false,
    } as unknown as APIGatewayProxyEvent)
    expect([result.statusCode, result.headers?.['allow']]).toEqual([405, 'POST'])
  })
})
