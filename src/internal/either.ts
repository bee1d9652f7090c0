import type { Either } from 'fp-ts/lib/Either.js'

/*
 * fp-ts's Either is a plain `_tag` union; building it here keeps fp-ts's modules out of every
 * bundle that imports line-webhook, while users still share fp-ts's type.
 */

/** A failure. */
export const left = <E>(value: E): Either<E, never> => ({ _tag: 'Left', left: value })

/** A success. */
export const right = <A>(value: A): Either<never, A> => ({ _tag: 'Right', right: value })
