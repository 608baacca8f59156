#!/usr/bin/env node
// Runs node's test runner over every test file: unit and route tests beside the code (src/),
// browser journeys (e2e/). `--unit` or `--e2e` runs one group.
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const only = process.argv.find((a) => a === '--unit' || a === '--e2e')

function find(dir, suffix) {
  return readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(suffix))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
    .sort()
}

const files = [...(only === '--e2e' ? [] : find('src', '.test.ts')), ...(only === '--unit' ? [] : find('e2e', '.spec.ts'))]
if (files.length === 0) {
  console.error('No test files found: a run that executes no test is not a pass.')
  process.exit(1)
}

const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=2', '--test-timeout=300000', ...files], {
  cwd: root,
  stdio: 'inherit',
})
process.exit(result.status ?? 1)
