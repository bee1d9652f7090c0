/** Types of bundle-size.mjs, for the test that guards the same targets. */
export interface BundleTarget {
  readonly imports: readonly string[]
  readonly limitKb: number
}

export interface BundleSize extends BundleTarget {
  readonly minBytes: number
  readonly gzipBytes: number
  readonly pass: boolean
}

export declare const BUNDLE_TARGETS: readonly BundleTarget[]

export declare function measureBundle(target: BundleTarget): Promise<BundleSize>
