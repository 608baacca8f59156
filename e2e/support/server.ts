import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../src/app.ts'
import { loadConfig } from '../../src/config.ts'
import { openDatabase, migrateDatabase, type DatabaseHandle, type DatabaseKind } from '../../src/db/client.ts'
import { loadDemoContent } from '../../src/features/demo/load-demo-content.ts'
import { buildAssets } from '../../src/web/assets.ts'
import { createTestDatabase } from '../../test/databases.ts'

export interface RunningSite {
  baseUrl: string
  app: FastifyInstance
  handle: DatabaseHandle
  close(): Promise<void>
}

/**
 * The real site with the demo content, listening on loopback: on a fresh in-memory database, or on
 * a fresh PostgreSQL database of its own (TEST_DATABASE_URL) for a journey that runs on both.
 */
export async function startSite(kind: DatabaseKind = 'pglite'): Promise<RunningSite> {
  const open = async () => {
    if (kind === 'postgres') return createTestDatabase('postgres')
    const embedded = await openDatabase({ embedded: null })
    await migrateDatabase(embedded.db)
    return embedded
  }
  const [handle, assetVersion] = await Promise.all([open(), buildAssets()])
  await loadDemoContent(handle.db)
  const config = loadConfig({ LOG_LEVEL: 'silent', NETWORK_NAME: 'Co-operative Councils Network' })
  const app = await buildApp({ config, db: handle.db, dbKind: handle.kind, assetVersion, logger: false })
  await app.listen({ host: '127.0.0.1', port: 0 })
  const address = app.server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    app,
    handle,
    async close() {
      await app.close()
      await handle.close()
    },
  }
}
