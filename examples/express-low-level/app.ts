import express, {
  type Express,
  type NextFunction,
  type Request,
  type Response,
  type Router,
} from 'express'
import { statusOfError, type WebhookReceiver } from '../shared/webhook-handling.js'

/**
 * `POST /webhook` and `POST /social/on/line/:channelId`. Mount it before any `express.json()`:
 * the signature covers the raw bytes, so these routes read them with `express.raw`, and a JSON
 * parser that ran first would leave them an object (a signed request then gets a 500 and a
 * logged TypeError that names the fix; an unsigned one its 401).
 */
export function webhookRouter(receiver: WebhookReceiver): Router {
  const router = express.Router()
  // Every Content-Type: an unsigned text/plain request is refused (401) like any other.
  const rawBody = express.raw({ type: () => true, limit: receiver.maxBodyBytes })

  async function answer(req: Request, res: Response, channelId?: string): Promise<void> {
    const body: unknown = req.body
    const receipt = await receiver.receive({
      channelId,
      // A Buffer from express.raw; undefined when the request had no body at all.
      body: body ?? '',
      header: (name) => req.get(name),
    })
    res.status(receipt.status).type('text/plain').send(receipt.message)
    // Only now, with LINE answered: handling may take longer than LINE waits.
    if (receipt.status === 200) void receipt.handle()
  }

  router.post('/webhook', rawBody, (req, res) => answer(req, res))
  router.post('/social/on/line/:channelId', rawBody, (req, res) =>
    answer(req, res, req.params.channelId),
  )
  // body-parser's errors carry their status (413 past the limit); anything else is a bug here.
  router.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) {
      next(error)
      return
    }
    const status = statusOfError(error)
    if (status >= 500) receiver.log({ kind: 'error', error })
    res.sendStatus(status)
  })
  return router
}

export function createApp(receiver: WebhookReceiver): Express {
  return express().use(webhookRouter(receiver))
}
