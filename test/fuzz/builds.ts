/**
 * The built package (dist/, from `npm run build`), both builds: the Node one (node:crypto) and
 * the Web one (Web Crypto), imported by file as a consumer's bundler or runtime would pick them.
 */
import type { Build } from './fuzz.js'

/** Both builds, by name; rejects with how to fix it when dist/ is missing. */
export async function loadBuilds(): Promise<Record<string, Build>> {
  const load = async (name: string): Promise<Build> => {
    // URLs, not specifiers: dist/ has no types until it is built, and typecheck runs before.
    const entry = (file: string) => new URL(`../../dist/${name}/${file}.js`, import.meta.url).href
    try {
      // The main entry and the 2016 format's, as a consumer imports both to take both formats.
      return { ...(await import(entry('index'))), ...(await import(entry('legacy'))) } as Build
    } catch (error) {
      throw new Error(`cannot import dist/${name}: run \`npm run build\` first`, {
        cause: error,
      })
    }
  }
  return { node: await load('node'), web: await load('web') }
}
