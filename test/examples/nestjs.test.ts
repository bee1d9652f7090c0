import { NestFactory } from '@nestjs/core'
import { describe, expect, it } from 'vitest'
import { createApp, createAppModule } from '../../examples/nestjs/app.js'
import { bodyOf, post, textEvent } from './support/bodies.js'
import { serverScriptContract } from './support/contract.js'
import { recordingWebhook, runningRecipe } from './support/recipe.js'
import { recipeContract } from './support/recipe-contract.js'

describe('the NestJS example', () => {
  recipeContract(async () => {
    const recording = recordingWebhook()
    const app = await createApp(recording.webhook, { logger: false })
    await app.listen(0, '127.0.0.1')
    return runningRecipe(await app.getUrl(), recording, () => app.close())
  })
})

it('the NestJS example needs rawBody: true: without it, a JSON body is answered 500 with the fix', async () => {
  const recording = recordingWebhook()
  // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment -- plain data to Nest
  const app = await NestFactory.create(createAppModule(recording.webhook), { logger: false })
  await app.listen(0, '127.0.0.1')
  const running = runningRecipe(await app.getUrl(), recording, () => app.close())
  try {
    expect((await post(`${running.origin}/webhook`, bodyOf(textEvent('hello')))).status).toBe(500)
    const [logged] = await running.settle()
    expect(logged?.kind === 'error' && String(logged.error)).toContain("NestJS's rawBody: true")
  } finally {
    await running.close()
  }
})

serverScriptContract('examples/nestjs/server.ts')
