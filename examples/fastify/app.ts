import Fastify, {
  type FastifyInstance,
  type FastifyPluginCallback,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify'
import { statusOfError, type WebhookReceiver } from '../shared/webhook-handling.js'

/**
 * `POST /webhook` and `POST /social/on/line/:channelId`. Register it as is (not through
 * fastify-plugin): the raw-body parser then applies to these routes only, and the rest of the
 * app keeps Fastify's JSON parser.
 */
export function webhookPlugin(receiver: WebhookReceiver): FastifyPluginCallback {
  return (app, _options, done) => {
    // Keep the bytes: the signature covers them, not the JSON they parse to.
    app.removeAllContentTypeParsers()
    app.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: receiver.maxBodyBytes },
      (_request, body, parsed) => {
        parsed(null, body)
      },
    )

    async function answer(request: FastifyRequest, reply: FastifyReply, channelId?: string) {
      const receipt = await receiver.receive({
        channelId,
        // A Buffer from the parser above, whatever the Content-Type; undefined for a request
        // with no body at all.
        body: request.body ?? '',
        header: (name) => request.headers[name]?.toString(),
      })
      await reply.code(receipt.status).type('text/plain').send(receipt.message)
      // Only now, with LINE answered: handling may take longer than LINE waits.
      if (receipt.status === 200) void receipt.handle()
    }

    app.post('/webhook', (request, reply) => answer(request, reply))
    app.post<{ Params: { channelId: string } }>('/social/on/line/:channelId', (request, reply) =>
      answer(request, reply, request.params.channelId),
    )
    // Fastify's own errors carry their status (413 past bodyLimit); anything else is a bug here.
    app.setErrorHandler(async (error, _request, reply) => {
      const status = statusOfError(error)
      if (status >= 500) receiver.log({ kind: 'error', error })
      await reply.code(status).send()
    })
    done()
  }
}

export function createApp(receiver: WebhookReceiver): FastifyInstance {
  const app = Fastify()
  void app.register(webhookPlugin(receiver))
  return app
}
