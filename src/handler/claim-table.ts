/*
 * The claims of the in-memory dedup store, in claim order, with an index by key: typed arrays
 * rather than a Map of strings and a list of them. A claim lives for a day by default, long enough
 * for V8 to promote its key and its expiry (a heap number) to the old generation, one by one,
 * claim after claim, and to trace them at every major collection: measured under load, that was
 * about 9 µs a request. Here a claim is a few bytes written into arrays allocated as the table
 * grows, so a claim leaves nothing behind for the collector.
 */

/* eslint-disable @typescript-eslint/non-nullable-type-assertion-style -- every index read from a typed array here is below its length */

/** Keys of at most this many Latin-1 characters (a `webhookEventId` has 26) are kept as bytes. */
const INLINE_KEY_BYTES = 32
/** `keyLengths` of a key kept as a string, in `outlineKeys`: longer, or beyond Latin-1. */
const OUTLINE = -1
const FIRST_CAPACITY = 64

/** FNV-1a over the UTF-16 code units. The keys come from signed bodies: nobody picks them to collide. */
export function hashOf(key: string): number {
  let hash = 0x811c9dc5
  for (let at = 0; at < key.length; at++) hash = Math.imul(hash ^ key.charCodeAt(at), 0x01000193)
  return hash >>> 0
}

function isInline(key: string): boolean {
  if (key.length > INLINE_KEY_BYTES) return false
  for (let at = 0; at < key.length; at++) if (key.charCodeAt(at) > 0xff) return false
  return true
}

/** Filled, so that the array stays packed: places are written in any order. */
function outlineKeysFor(capacity: number): (string | undefined)[] {
  return new Array<string | undefined>(capacity).fill(undefined)
}

/**
 * A list of claims (key and expiry), oldest first, in a ring of places that doubles when full;
 * and an open-addressed index (linear probing, at most half full) from each key to the place of
 * its claim that holds. A claim forgotten stays listed, not held, until it is the oldest and
 * dropped. The caller bounds the list: the table only grows.
 */
export class ClaimTable {
  /** Places in the ring, a power of two. */
  capacity = FIRST_CAPACITY
  /** Claims listed, held or forgotten. */
  length = 0
  /** Claims held: listed, and their key's claim in the index. */
  size = 0
  private head = 0
  private hashes = new Uint32Array(FIRST_CAPACITY)
  private expiries = new Float64Array(FIRST_CAPACITY)
  private held = new Uint8Array(FIRST_CAPACITY)
  private keyLengths = new Int32Array(FIRST_CAPACITY)
  private keyBytes = new Uint8Array(FIRST_CAPACITY * INLINE_KEY_BYTES)
  private outlineKeys = outlineKeysFor(FIRST_CAPACITY)
  /** Place + 1 of a held claim, 0 for none. */
  private index = new Int32Array(2 * FIRST_CAPACITY)

  /** The place of the claim held on `key`, or -1. */
  find(key: string): number {
    const slot = this.slotOfKey(key, hashOf(key))
    return slot < 0 ? -1 : this.placeIn(slot)
  }

  /** The place of the oldest claim listed; the list must not be empty. */
  oldest(): number {
    return this.head
  }

  isHeld(place: number): boolean {
    return this.held[place] === 1
  }

  expiryAt(place: number): number {
    return this.expiries[place] as number
  }

  /** Lists a claim of `key` as the newest, held; no claim on `key` may be held already. */
  append(key: string, expiry: number): void {
    if (this.length === this.capacity) this.grow()
    const place = (this.head + this.length) & (this.capacity - 1)
    this.length++
    this.write(place, key, hashOf(key), expiry)
    this.size++
    this.held[place] = 1
    this.insert(place)
  }

  /** Lets go of the claim at `place`, which is held; it stays listed until dropped. */
  forget(place: number): void {
    this.held[place] = 0
    // Stryker disable next-line all: lets the string go now rather than when the place is reused
    this.outlineKeys[place] = undefined
    this.size--
    this.removeSlot(this.slotOfPlace(place))
  }

  /** Drops the oldest claim from the list; it must not be held. */
  dropOldest(): void {
    this.head = (this.head + 1) & (this.capacity - 1)
    this.length--
  }

  private write(place: number, key: string, hash: number, expiry: number): void {
    this.hashes[place] = hash
    this.expiries[place] = expiry
    if (!isInline(key)) {
      this.keyLengths[place] = OUTLINE
      this.outlineKeys[place] = key
      return
    }
    this.keyLengths[place] = key.length
    const base = place * INLINE_KEY_BYTES
    for (let at = 0; at < key.length; at++) this.keyBytes[base + at] = key.charCodeAt(at)
  }

  private holdsKey(place: number, key: string): boolean {
    const length = this.keyLengths[place]
    if (length === OUTLINE) return this.outlineKeys[place] === key
    if (length !== key.length) return false
    const base = place * INLINE_KEY_BYTES
    for (let at = 0; at < key.length; at++) {
      if (this.keyBytes[base + at] !== key.charCodeAt(at)) return false
    }
    return true
  }

  private placeIn(slot: number): number {
    return (this.index[slot] as number) - 1
  }

  /** The index slot of `key`'s held claim, or the one's complement of the free slot it would take. */
  private slotOfKey(key: string, hash: number): number {
    const mask = this.index.length - 1
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      if (this.index[slot] === 0) return ~slot
      if (this.holdsKey(this.placeIn(slot), key)) return slot
    }
  }

  /** The index slot of the held claim at `place`. */
  private slotOfPlace(place: number): number {
    const mask = this.index.length - 1
    let slot = (this.hashes[place] as number) & mask
    while (this.index[slot] !== place + 1) slot = (slot + 1) & mask
    return slot
  }

  private insert(place: number): void {
    const mask = this.index.length - 1
    let slot = (this.hashes[place] as number) & mask
    while (this.index[slot] !== 0) slot = (slot + 1) & mask
    this.index[slot] = place + 1
  }

  /** Empties `slot`, moving back the entries after it that probed past it: no tombstones. */
  private removeSlot(slot: number): void {
    const mask = this.index.length - 1
    let empty = slot
    this.index[empty] = 0
    for (let next = (empty + 1) & mask; this.index[next] !== 0; next = (next + 1) & mask) {
      const home = (this.hashes[this.placeIn(next)] as number) & mask
      // The entry at `next` may move to `empty` if its home is not between them (cyclically).
      if (((next - home) & mask) >= ((next - empty) & mask)) {
        this.index[empty] = this.index[next] as number
        this.index[next] = 0
        empty = next
      }
    }
  }

  /** Doubles the ring, the list now starting at place 0, and builds the index anew. */
  private grow(): void {
    const { capacity, head, hashes, expiries, held, keyLengths, keyBytes, outlineKeys } = this
    this.capacity = 2 * capacity
    this.head = 0
    this.hashes = new Uint32Array(this.capacity)
    this.expiries = new Float64Array(this.capacity)
    this.held = new Uint8Array(this.capacity)
    this.keyLengths = new Int32Array(this.capacity)
    this.keyBytes = new Uint8Array(this.capacity * INLINE_KEY_BYTES)
    this.outlineKeys = outlineKeysFor(this.capacity)
    this.index = new Int32Array(2 * this.capacity)
    for (let at = 0; at < this.length; at++) {
      const from = (head + at) & (capacity - 1)
      this.hashes[at] = hashes[from] as number
      this.expiries[at] = expiries[from] as number
      this.held[at] = held[from] as number
      this.keyLengths[at] = keyLengths[from] as number
      this.outlineKeys[at] = outlineKeys[from]
      this.keyBytes.set(
        keyBytes.subarray(from * INLINE_KEY_BYTES, (from + 1) * INLINE_KEY_BYTES),
        at * INLINE_KEY_BYTES,
      )
      if (this.held[at] === 1) this.insert(at)
    }
  }
}
