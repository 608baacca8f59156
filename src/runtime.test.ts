import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { describe, it } from 'node:test'
import { moduleUrl, projectRoot, runningCompiled, sourceDir, startWorker } from './runtime.ts'

describe('runtime', () => {
  it('knows the project root from the sources (tests run them through tsx)', () => {
    assert.equal(runningCompiled, false)
    assert.ok(existsSync(path.join(projectRoot, 'package.json')))
    assert.equal(sourceDir, path.join(projectRoot, 'src'))
    assert.equal(moduleUrl('db/pglite-worker.js').pathname, path.join(sourceDir, 'db/pglite-worker.js'))
  })

  it('starts a TypeScript worker from the sources, its workerData unchanged', async () => {
    const worker = startWorker('runtime-echo-worker.ts', { workerData: { a: 1, list: ['x'] } })
    try {
      const message = await new Promise((resolve, reject) => {
        worker.once('message', resolve)
        worker.once('error', reject)
      })
      assert.deepEqual(message, { given: { a: 1, list: ['x'] } })
    } finally {
      await worker.terminate()
    }
  })
})
