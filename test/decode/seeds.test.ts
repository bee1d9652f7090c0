/**
 * The sample bodies of the documents this project was created from (test/fixtures/seeds). They were
 * written by vendors, not by LINE: in strict mode the ones that break LINE's schema must say
 * exactly where and how, and the rest must decode fully typed.
 */
import { assert, describe, expect, it } from 'vitest'
import {
  Event,
  decodeCallbackRequest,
  formatWebhookFailure,
  type CallbackRequest,
  type Issue,
} from '../../src/index.js'
import { seedSamples, type Sample } from '../support/fixtures.js'
import { isRecord } from '../../src/internal/record.js'

/** What strict mode expects where a `type` is missing or empty, word for word. */
const EVENT_TYPES =
  '"message" | "unsend" | "follow" | "unfollow" | "join" | "leave" | "memberJoined" | ' +
  '"memberLeft" | "postback" | "videoPlayComplete" | "beacon" | "accountLink" | "membership" | ' +
  '"module" | "activated" | "deactivated" | "botSuspended" | "botResumed" | "delivery" | ' +
  '"messageEdited" | a newer non-empty type'

function onlyEvent(json: unknown): Readonly<Record<string, unknown>> {
  assert(isRecord(json))
  const events = json['events']
  assert(Array.isArray(events) && events.length === 1)
  const event: unknown = events[0]
  assert(isRecord(event))
  return event
}

function decoded(json: unknown): CallbackRequest {
  const result = decodeCallbackRequest(json)
  assert(result._tag === 'Right')
  return result.right
}

describe('seed 000: a vendor forwarding LINE message events', () => {
  const samples = seedSamples('000_d39edbcc38ae43a0.txt')
  const byCaption = new Map(samples.map((sample) => [sample.caption, sample]))
  function sample(caption: string): Sample {
    const found = byCaption.get(caption)
    assert(found !== undefined, `the ${caption} sample`)
    return found
  }

  it('holds six samples, one per message type', () => {
    expect(samples.map(({ caption }) => caption)).toStrictEqual([
      'text',
      'image',
      'video',
      'audio',
      'file',
      'location',
    ])
  })

  it.each(['text', 'image', 'audio', 'location'])(
    'decodes the %s sample fully typed, as the very object',
    (caption) => {
      const { json } = sample(caption)
      const body = decoded(json)
      expect(body).toBe(json)
      const [event] = body.events
      assert(event?.type === 'message')
      expect(Event.members.message.is(event)).toBe(true)
      expect(event.message.type).toBe(caption)
      expect(event.source?.type).toBe('user')
      expect(decodeCallbackRequest(json, { onInvalidEvent: 'fail' })._tag).toBe('Right')
    },
  )

  it('reads the typed fields of those samples', () => {
    const [text] = decoded(sample('text').json).events
    assert(text?.type === 'message' && text.message.type === 'text')
    expect(text.message.text).toBe('测试')
    expect(text.deliveryContext.isRedelivery).toBe(false)

    const [image] = decoded(sample('image').json).events
    assert(image?.type === 'message' && image.message.type === 'image')
    expect(image.message.contentProvider).toStrictEqual({ type: 'line' })

    const [audio] = decoded(sample('audio').json).events
    assert(audio?.type === 'message' && audio.message.type === 'audio')
    expect(audio.message.duration).toBe(60476)

    const [location] = decoded(sample('location').json).events
    assert(location?.type === 'message' && location.message.type === 'location')
    const { title, address, latitude, longitude } = location.message
    expect([title, address, latitude, longitude]).toStrictEqual([
      'xxx',
      'xxxxxxxx',
      22.581143,
      113.954891,
    ])
  })

  it('keeps the video sample, whose duration is a string, as an InvalidEvent', () => {
    const { json } = sample('video')
    const [event] = decoded(json).events
    assert(event !== undefined && event.type === undefined && event._tag === 'InvalidEvent')
    expect(event.index).toBe(0)
    expect(event.raw).toBe(onlyEvent(json))
    const issues: Issue[] = [
      { path: 'events[0].message.duration', expected: 'integer', actual: '10735' },
    ]
    expect(event.issues).toStrictEqual(issues)
    expect(decodeCallbackRequest(json, { onInvalidEvent: 'fail' })).toStrictEqual({
      _tag: 'Left',
      left: { _tag: 'InvalidPayload', issues, omittedIssues: 0 },
    })
  })

  it('keeps the file sample, which has no fileName or fileSize, as an InvalidEvent', () => {
    const { json } = sample('file')
    const [event] = decoded(json).events
    assert(event !== undefined && event.type === undefined && event._tag === 'InvalidEvent')
    expect(event.raw).toBe(onlyEvent(json))
    const issues: Issue[] = [
      { path: 'events[0].message.fileName', expected: 'string', actual: undefined },
      { path: 'events[0].message.fileSize', expected: 'integer', actual: undefined },
    ]
    expect(event.issues).toStrictEqual(issues)
    expect(decodeCallbackRequest(json, { onInvalidEvent: 'fail' })).toStrictEqual({
      _tag: 'Left',
      left: { _tag: 'InvalidPayload', issues, omittedIssues: 0 },
    })
  })

  it('formats what is wrong with them, values only when asked', () => {
    const failures = ['video', 'file'].map((caption) => {
      const result = decodeCallbackRequest(sample(caption).json, { onInvalidEvent: 'fail' })
      assert(result._tag === 'Left')
      return result.left
    })
    expect(failures.map((failure) => formatWebhookFailure(failure))).toStrictEqual([
      'invalid payload:\nevents[0].message.duration: expected integer, got a string',
      'invalid payload:\n' +
        'events[0].message.fileName: expected string, got nothing (missing)\n' +
        'events[0].message.fileSize: expected integer, got nothing (missing)',
    ])
    const [video] = failures
    assert(video !== undefined)
    expect(formatWebhookFailure(video, { values: true })).toBe(
      'invalid payload:\nevents[0].message.duration: expected integer, got "10735"',
    )
  })
})

describe('seed 001: a contact centre reading LINE webhooks', () => {
  const samples = seedSamples('001_27c6983c64b32088.txt')

  function request(): unknown {
    const [only] = samples
    assert(only !== undefined)
    return only.json
  }

  it('holds one request sample, among Java code that is not JSON', () => {
    expect(samples).toHaveLength(1)
  })

  it('fails the body: no destination, and an event with an empty type', () => {
    const issues: Issue[] = [
      { path: 'destination', expected: 'string', actual: undefined },
      { path: 'events[0].type', expected: EVENT_TYPES, actual: '' },
    ]
    const failure = { _tag: 'Left', left: { _tag: 'InvalidPayload', issues, omittedIssues: 0 } }
    expect(decodeCallbackRequest(request())).toStrictEqual(failure)
    expect(decodeCallbackRequest(request(), { onInvalidEvent: 'fail' })).toStrictEqual(failure)
  })

  it('formats both problems, one line each', () => {
    const result = decodeCallbackRequest(request())
    assert(result._tag === 'Left')
    expect(formatWebhookFailure(result.left).split('\n')).toStrictEqual([
      'invalid payload:',
      'destination: expected string, got nothing (missing)',
      `events[0].type: expected ${EVENT_TYPES}, got an empty string`,
    ])
  })

  it('keeps the event as an InvalidEvent once the envelope is whole', () => {
    const json = request()
    assert(isRecord(json))
    const [event] = decoded({ ...json, destination: 'U0' }).events
    assert(event !== undefined && event.type === undefined && event._tag === 'InvalidEvent')
    expect(event.raw).toBe(onlyEvent(json))
    expect(event.issues).toStrictEqual([
      { path: 'events[0].type', expected: EVENT_TYPES, actual: '' },
    ])
  })

  it('names every missing field once the type says message, and leaves "TEXT" unknown', () => {
    const json = request()
    assert(isRecord(json))
    const event = { ...onlyEvent(json), type: 'message' }
    const [decodedEvent] = decoded({ destination: 'U0', events: [event] }).events
    assert(decodedEvent !== undefined && decodedEvent.type === undefined)
    assert(decodedEvent._tag === 'InvalidEvent')
    // The message type is case-sensitive: "TEXT" is a newer type, which is no error.
    expect(decodedEvent.issues).toStrictEqual([
      { path: 'events[0].timestamp', expected: 'integer', actual: undefined },
      { path: 'events[0].webhookEventId', expected: 'string', actual: undefined },
      { path: 'events[0].deliveryContext', expected: 'DeliveryContext', actual: undefined },
    ])
  })
})
