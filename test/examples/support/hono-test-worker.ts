/**
 * The Hono example as the tests run it in workerd: the example's app with handlers that record
 * what they are given, a route that hands the recordings over, and a copy mounted behind a
 * middleware that parses the body first (a misconfiguration the handler must refuse loudly).
 */
import { Hono } from 'hono'
import { createApp, type AppOptions, type Env } from '../../../examples/hono-workerd/app.js'
import { MAX_BODY_BYTES } from './channels.js'
import { SLOW_HANDLER_MS } from './recording-hooks.js'

/** What the app's handlers were given, as JSON. */
export type HonoRecorded =
  | {
      readonly kind: 'event'
      readonly type: string
      readonly text?: string | undefined
      readonly pathname: string
      readonly secretIndex: number
    }
  | { readonly kind: 'unknown-event' | 'invalid-event'; readonly type: unknown }
  | { readonly kind: 'handler-failed' | 'server-error'; readonly error: string }

const recorded: HonoRecorded[] = []

const options: AppOptions = {
  maxBodyBytes: MAX_BODY_BYTES,
  on: {
    async message(event, { request, secretIndex }) {
      const text = event.message.type === 'text' ? event.message.text : undefined
      if (text === 'slow') await new Promise((resolve) => setTimeout(resolve, SLOW_HANDLER_MS))
      if (text === 'throw') throw new Error('the bot failed')
      recorded.push({
        kind: 'event',
        type: event.type,
        text,
        pathname: request.pathname,
        secretIndex,
      })
    },
    follow: (event, { request, secretIndex }) =>
      void recorded.push({
        kind: 'event',
        type: event.type,
        pathname: request.pathname,
        secretIndex,
      }),
    unfollow: (event, { request, secretIndex }) =>
      void recorded.push({
        kind: 'event',
        type: event.type,
        pathname: request.pathname,
        secretIndex,
      }),
  },
  onUnknownEvent: (event) => void recorded.push({ kind: 'unknown-event', type: event.raw.type }),
  onInvalidEvent: (event) => void recorded.push({ kind: 'invalid-event', type: event.index }),
  onError: (error) => void recorded.push({ kind: 'handler-failed', error: String(error) }),
  onServerError: (error) => void recorded.push({ kind: 'server-error', error: String(error) }),
}

const app = new Hono<{ Bindings: Env }>()
app.get('/__test/recorded', (c) => c.json(recorded.splice(0)))
app.use('/parsed-first/*', async (c, next) => {
  await c.req.json()
  await next()
})
app.route('/parsed-first', createApp(options))
app.route('/', createApp(options))

export default app
