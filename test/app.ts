import { after, before, describe } from 'node:test'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../src/app.ts'
import { loadConfig, type Config } from '../src/config.ts'
import type { DatabaseHandle, DatabaseKind } from '../src/db/client.ts'
import { createTestDatabase, testDatabaseKinds } from './databases.ts'

export interface TestApp {
  app: FastifyInstance
  handle: DatabaseHandle
  config: Config
  close(): Promise<void>
}

/** The real app on a fresh database, for `app.inject()`. */
export async function createTestApp(kind: DatabaseKind, env: Record<string, string> = {}): Promise<TestApp> {
  const config = loadConfig({ NETWORK_NAME: 'Test Councils Network', LOG_LEVEL: 'silent', ...env })
  const handle = await createTestDatabase(kind)
  const app = await buildApp({ config, db: handle.db, dbKind: handle.kind, assetVersion: 'test', logger: Boolean(process.env.TEST_LOG) })
  await app.ready()
  return {
    app,
    handle,
    config,
    async close() {
      await app.close()
      await handle.close()
    },
  }
}

/** Declares the same tests once per test database (PGlite, and PostgreSQL when configured). */
export function describeEachDatabase(name: string, body: (get: () => TestApp) => void, env: Record<string, string> = {}): void {
  for (const kind of testDatabaseKinds()) {
    describe(`${name} [${kind}]`, () => {
      let testApp: TestApp | undefined
      before(async () => {
        testApp = await createTestApp(kind, env)
      })
      after(async () => {
        await testApp?.close()
      })
      body(() => {
        if (!testApp) throw new Error('The test app is not ready')
        return testApp
      })
    })
  }
}
