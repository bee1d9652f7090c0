import type {
  APIGatewayProxyEvent,
  APIGatewayProxyEventV2,
  APIGatewayProxyResult,
} from 'aws-lambda'
import type { WebhookHandler } from 'line-webhook'

/** What API Gateway hands a Lambda function: an HTTP API (v2) or REST API (v1) proxy event. */
export type ApiGatewayEvent = APIGatewayProxyEventV2 | APIGatewayProxyEvent

/**
 * The `Request` an event stands for. The body is the exact bytes LINE sent: API Gateway passes
 * it base64-encoded (`isBase64Encoded`) or, for a text type, as the UTF-8 string it decoded.
 */
export function requestOf(event: ApiGatewayEvent): Request {
  const v2 = 'rawPath' in event
  const method = v2 ? event.requestContext.http.method : event.httpMethod
  const path = v2 ? event.rawPath : event.path
  const headers = new Headers()
  // API Gateway's test console sends v1 events with `headers: null`, which the types leave out.
  const given = event.headers as Readonly<Record<string, string | undefined>> | null
  // A v2 header that came several times is comma-joined already.
  for (const [name, value] of Object.entries(given ?? {})) {
    if (value !== undefined) headers.set(name, value)
  }
  const body =
    event.body === undefined || event.body === null
      ? undefined
      : event.isBase64Encoded
        ? Buffer.from(event.body, 'base64')
        : event.body
  const hasBody = method !== 'GET' && method !== 'HEAD'
  return new Request(new URL(path, `https://${headers.get('host') ?? 'lambda.invalid'}`), {
    method,
    headers,
    ...(hasBody && body !== undefined ? { body } : {}),
  })
}

/** The answer as API Gateway takes it, from either event version. */
export async function resultOf(response: Response): Promise<APIGatewayProxyResult> {
  const headers: Record<string, string> = {}
  response.headers.forEach((value, name) => {
    headers[name] = value
  })
  return { statusCode: response.status, headers, body: await response.text() }
}

/**
 * A Lambda handler for `webhook`. Create the webhook with `respond: 'after-handlers'`: Lambda
 * freezes the function once it has answered, so the handlers must run first (LINE waits for up
 * to about two seconds: hand slow work to a queue).
 */
export function createLambdaHandler(
  webhook: WebhookHandler,
): (event: ApiGatewayEvent) => Promise<APIGatewayProxyResult> {
  return async (event) => resultOf(await webhook.fetch(requestOf(event)))
}
