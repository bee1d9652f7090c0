import { describe, expect, it } from 'vitest'
import { Event } from '../../src/codecs/event.js'
import { decodeWebhookRequest } from '../../src/webhook.js'
import { createSignature, verifySignature } from '../../src/signature.js'
import { createTestEvent, createTestRequest, type TestEventType } from '../../src/testing/index.js'

const channelSecret = '8c570fa6dd201bb328f1c1eac23a96d8'

describe('createTestRequest', () => {
  it('makes a signed POST with a JSON body of destination and events', async () => {
    const events = (Object.keys(Event.members) as TestEventType[]).map((type) =>
      createTestEvent(type),
    )
    const request = await createTestRequest({
      channelSecret,
      events,
      destination: 'Ufedcba9876543210fedcba9876543210',
      url: 'http://127.0.0.1:8080/callback',
    })
    expect(request.method).toBe('POST')
    expect(request.url).toBe('http://127.0.0.1:8080/callback')
    expect(request.headers.get('content-type')).toBe('application/json')
    const body = await request.text()
    const signature = request.headers.get('x-line-signature')
    expect(signature).toBe(await createSignature({ channelSecret, body }))
    const decoded = await decodeWebhookRequest(
      { channelSecret, body, signature },
      { onInvalidEvent: 'fail' },
    )
    expect(decoded).toEqual({
      _tag: 'Right',
      right: { destination: 'Ufedcba9876543210fedcba9876543210', events },
    })
  })

  it('defaults destination to a user id and url to localhost', async () => {
    const request = await createTestRequest({ channelSecret, events: [] })
    expect(request.url).toBe('http://localhost/webhook')
    expect(JSON.parse(await request.text())).toEqual({
      destination: expect.stringMatching(/^U[\da-f]{32}$/) as unknown,
      events: [],
    })
  })

  it('escapes non-ASCII text as LINE does, emoji as surrogate pairs, and signs those bytes', async () => {
    const text = 'こんにちは 😀 é'
    const event = createTestEvent('message', { message: { type: 'text', text } })
    const request = await createTestRequest({ channelSecret, events: [event] })
    const bytes = new Uint8Array(await request.arrayBuffer())
    const body = new TextDecoder().decode(bytes)
    expect(body).toContain('"text":"\\u3053\\u3093\\u306b\\u3061\\u306f \\ud83d\\ude00 \\u00e9"')
    expect(bytes.every((byte) => byte < 0x80)).toBe(true)
    const signature = request.headers.get('x-line-signature')
    expect(await verifySignature({ channelSecret, body: bytes, signature })).toBe(true)
    const parsed = JSON.parse(body) as { events: { message: { text: string } }[] }
    expect(parsed.events[0]?.message.text).toBe(text)
  })

  it('rejects, never throws, for an empty secret or events that are not an array', async () => {
    const empty = createTestRequest({ channelSecret: '', events: [] })
    await expect(empty).rejects.toThrow(TypeError)
    const notArray = createTestRequest({ channelSecret, events: {} as never })
    await expect(notArray).rejects.toThrow(/events must be an array/)
  })
})
