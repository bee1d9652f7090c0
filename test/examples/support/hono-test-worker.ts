/**
 * The Hono example as the tests run it in workerd: the example's app with recording hooks, a
 * route that hands the recordings over, and a copy mounted behind a middleware that parses the
 * body first (a misconfiguration the example must refuse loudly).
 */
import { Hono } from 'hono'
import { createApp, type Env } from '../../../examples/hono-workerd/app.js'
import { MAX_BODY_BYTES } from './channels.js'
import { recorder } from './recording-hooks.js'

const recorded = recorder()
const app = new Hono<{ Bindings: Env }>()

// Errors become their message: JSON has no Error.
app.get('/__test/recorded', (c) =>
  c.json(
    recorded
      .take()
      .map((entry) => (entry.kind === 'error' ? { ...entry, error: String(entry.error) } : entry)),
  ),
)
app.use('/parsed-first/*', async (c, next) => {
  await c.req.json()
  await next()
})
app.route('/parsed-first', createApp({ hooks: recorded.hooks, maxBodyBytes: MAX_BODY_BYTES }))
app.route('/', createApp({ hooks: recorded.hooks, maxBodyBytes: MAX_BODY_BYTES }))

export default app
