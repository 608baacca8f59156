import { distState } from '../../scripts/source-fingerprint.js'
import { spawnNode } from './processes.ts'

/** Benchmarks measure the compiled code `npm start` runs: built first when it is missing or older than the sources. */
export async function ensureBuilt(): Promise<void> {
  if (distState() === 'current') return
  console.log('dist/ is missing or older than the sources: npm run build')
  const build = spawnNode(['scripts/build.js'], process.env)
  build.child.stdout?.pipe(process.stdout)
  if ((await build.exited) !== 0) throw new Error(`npm run build failed:\n${build.output()}`)
}
