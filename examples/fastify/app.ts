import Fastify, { type FastifyInstance, type FastifyPluginCallback } from 'fastify'
import type { WebhookHandler } from 'line-webhook'

/**
 * `POST /webhook` and `POST /social/on/line/:channelId`. Register it as is (not through
 * fastify-plugin): its content-type parser then applies to these routes only, and the rest of
 * the app keeps Fastify's JSON parser.
 */
export function webhookPlugin(webhook: WebhookHandler): FastifyPluginCallback {
  return (app, _options, done) => {
    // Leave the body unread, whatever its Content-Type: webhook.node reads the bytes LINE signed
    // from the stream, with its own size limit.
    app.removeAllContentTypeParsers()
    app.addContentTypeParser('*', (_request, _payload, parsed) => {
      parsed(null)
    })
    app.post('/webhook', async (request, reply) => {
      // webhook.node writes the answer itself: Fastify must not write one too.
      reply.hijack()
      await webhook.node(request.raw, reply.raw)
    })
    app.post('/social/on/line/:channelId', async (request, reply) => {
      reply.hijack()
      await webhook.node(request.raw, reply.raw)
    })
    done()
  }
}

export function createApp(webhook: WebhookHandler): FastifyInstance {
  const app = Fastify()
  void app.register(webhookPlugin(webhook))
  return app
}
