/**
 * The built package (dist/, from `npm run build`), both builds: the Node one (node:crypto) and
 * the Web one (Web Crypto), imported by file as a consumer's bundler or runtime would pick them.
 */
import type { Build } from './fuzz.js'

/** Both builds, by name; rejects with how to fix it when dist/ is missing. */
export async function loadBuilds(): Promise<Record<string, Build>> {
  const load = async (name: string): Promise<Build> => {
    // A URL, not a specifier: dist/ has no types until it is built, and typecheck runs before.
    const url = new URL(`../../dist/${name}/index.js`, import.meta.url).href
    try {
      return (await import(url)) as Build
    } catch (error) {
      throw new Error(`cannot import dist/${name}/index.js: run \`npm run build\` first`, {
        cause: error,
      })
    }
  }
  return { node: await load('node'), web: await load('web') }
}
