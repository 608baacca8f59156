#!/usr/bin/env node
// The command-line entry. Reads `.env` from the current folder when there is one (variables
// already set in the environment win). Runs the compiled code in dist/ when it was built from the
// sources as they are now (`npm run build`, which npm's prepare script runs on `npm ci`);
// otherwise the TypeScript sources through tsx, saying so: an edit is never served by old code.
import { distState } from '../scripts/source-fingerprint.js'

try {
  process.loadEnvFile('.env')
} catch (error) {
  if (error?.code !== 'ENOENT') throw error
}

const state = distState()
if (state === 'current') {
  await import('../dist/main.js')
} else {
  const why = state === 'stale' ? 'dist/ was compiled from older sources' : 'there is no compiled code in dist/'
  console.warn(`coophub: ${why}: running the TypeScript sources through tsx (a slower start). \`npm run build\` compiles them.`)
  const { register } = await import('tsx/esm/api')
  register()
  await import('../src/main.ts')
}
