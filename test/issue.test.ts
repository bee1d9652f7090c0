/**
 * issuesOf over the io-ts errors no codec of the package makes but io-ts's type allows: an empty
 * context, holes in it, and the package's own record of the sender's keys.
 */
import * as t from 'io-ts'
import { describe, expect, it } from 'vitest'
import { stringRecord } from '../src/codecs/record.js'
import { issuesOf } from '../src/issue.js'

const root = (type: t.Decoder<unknown, unknown>): t.ContextEntry => ({ key: '', type })

describe('issuesOf', () => {
  it('names the root, and "unknown" as expected, for an error without context', () => {
    expect(issuesOf([{ value: 1, context: [] }])).toStrictEqual([
      { path: '', expected: 'unknown', actual: 1 },
    ])
  })

  it('reads a missing context entry as an empty key under no parent', () => {
    const context: t.ContextEntry[] = [root(t.unknown)]
    context[2] = { key: 'leaf', type: t.string }
    expect(issuesOf([{ value: 1, context }])).toStrictEqual([
      { path: '[""].leaf', expected: 'string', actual: 1 },
    ])
  })

  it('quotes the keys of a record: the sender chose them', () => {
    const params = stringRecord()
    const context: t.Context = [
      root(t.unknown),
      { key: 'params', type: params },
      { key: 'date', type: t.string },
    ]
    expect(issuesOf([{ value: 1, context }])).toStrictEqual([
      { path: 'params["date"]', expected: 'string', actual: 1 },
    ])
  })

  it('writes identifiers under any other parent with a dot', () => {
    const context: t.Context = [
      root(t.unknown),
      { key: 'message', type: t.readonly(t.type({ id: t.string })) },
      { key: 'id', type: t.string },
    ]
    expect(issuesOf([{ value: 1, context }])[0]?.path).toBe('message.id')
  })
})
