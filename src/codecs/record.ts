import * as t from 'io-ts'
import { isRecord } from '../internal/record.js'
import { chargesBudget, failure, validateRejected } from '../issue.js'

type StringRecord = Readonly<Record<string, string>>

/**
 * io-ts's `t.readonly(t.record(t.string, t.string))`, whose `validate` keeps to the issue
 * budget: past it, values that are not strings are only counted. Still a `DictionaryType`, so
 * issues quote its keys, which the sender chose.
 */
export function stringRecord(): t.DictionaryType<t.StringC, t.StringC, StringRecord, StringRecord> {
  const is = (value: unknown): value is StringRecord =>
    isRecord(value) && Object.values(value).every((entry) => typeof entry === 'string')
  const validate = (value: unknown, context: t.Context): t.Validation<StringRecord> => {
    if (!isRecord(value)) return failure(value, context)
    const errors: t.ValidationError[] = []
    let failed = false
    for (const key of Object.keys(value)) {
      const entry = value[key]
      if (typeof entry === 'string') continue
      // Not a string: t.string rejects it, and the issue (or its count) is recorded.
      validateRejected(t.string, entry, context, key, errors)
      failed = true
    }
    return failed ? t.failures(errors) : t.success(value as StringRecord)
  }
  // t.record(t.string, t.string).name, written out: calling t.record for its name bundled io-ts's
  // record and union combinators, 1.2 kB gzip, into every app that decodes.
  const name = '{ [K in string]: string }'
  return chargesBudget(new t.DictionaryType(name, is, validate, t.identity, t.string, t.string))
}
