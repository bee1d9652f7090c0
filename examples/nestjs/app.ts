import 'reflect-metadata'
import {
  Controller,
  Inject,
  Module,
  Post,
  Req,
  Res,
  type INestApplication,
  type RawBodyRequest,
  type Type,
} from '@nestjs/common'
import { NestFactory } from '@nestjs/core'
import type { NestExpressApplication } from '@nestjs/platform-express'
import type { Request, Response } from 'express'
import type { WebhookHandler } from 'line-webhook'

/** The injection token of the app's one webhook. */
export const LINE_WEBHOOK = Symbol('LINE_WEBHOOK')

/**
 * `POST /webhook` and `POST /social/on/line/:channelId`. With `rawBody: true`, Nest keeps the
 * bytes of the JSON bodies it parses in `req.rawBody`, which `webhook.node` verifies; a body of
 * another type it leaves unread, and `webhook.node` reads it. `@Res()` leaves the answer to it.
 */
@Controller()
export class WebhookController {
  // An explicit token: no emitDecoratorMetadata needed.
  constructor(@Inject(LINE_WEBHOOK) private readonly webhook: WebhookHandler) {}

  @Post(['webhook', 'social/on/line/:channelId'])
  async receive(@Req() req: RawBodyRequest<Request>, @Res() res: Response): Promise<void> {
    await this.webhook.node(req, res)
  }
}

export function createAppModule(webhook: WebhookHandler): Type {
  @Module({
    controllers: [WebhookController],
    providers: [{ provide: LINE_WEBHOOK, useValue: webhook }],
  })
  // eslint-disable-next-line @typescript-eslint/no-extraneous-class -- a Nest module is its decorator
  class AppModule {}
  return AppModule
}

export function createApp(
  webhook: WebhookHandler,
  options: { readonly logger?: false } = {},
): Promise<INestApplication> {
  // rawBody: true, or the JSON parser leaves only an object, which cannot be verified.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment -- Nest reads its options as plain data
  return NestFactory.create<NestExpressApplication>(createAppModule(webhook), {
    rawBody: true,
    ...options,
  })
}
