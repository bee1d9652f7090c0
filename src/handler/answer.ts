/** What a webhook request is answered: the same from both adapters. */
export interface Answer {
  readonly status: number
  readonly text: string
  readonly headers?: Readonly<Record<string, string>>
}

/** The answers, plain text that names no body value. */
export const answers = {
  ok: { status: 200, text: 'OK' },
  unreadable: { status: 400, text: 'Bad Request: the body could not be read' },
  malformedJson: { status: 400, text: 'Bad Request: the body is not JSON' },
  invalidPayload: { status: 400, text: 'Bad Request: the body is not a LINE webhook body' },
  signatureMismatch: { status: 401, text: 'Unauthorized: the signature does not match' },
  unknownChannel: { status: 404, text: 'Not Found: no channel is served here' },
  methodNotAllowed: { status: 405, text: 'Method Not Allowed', headers: { allow: 'POST' } },
  tooLarge: { status: 413, text: 'Payload Too Large' },
  serverError: { status: 500, text: 'Internal Server Error' },
} as const satisfies Record<string, Answer>
