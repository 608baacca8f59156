import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { drizzle } from 'drizzle-orm/node-postgres'
import pg from 'pg'
import { migrateDatabase } from './client.ts'
import { startEmbeddedServer } from './embedded.ts'
import * as schema from './schema/index.ts'
import { currentTemplateManifest, templateFile, templateManifestFile, type TemplateManifest } from './template.ts'

/**
 * Creates a database from scratch in memory, applies every migration as the app does, and keeps
 * its data folder as the template (with what it was made from). The manifest is written last, so
 * an interrupted build leaves no template that claims to fit.
 */
export async function buildTemplate(): Promise<TemplateManifest> {
  const manifest = currentTemplateManifest()
  rmSync(templateManifestFile, { force: true })
  const server = await startEmbeddedServer(null, { fromTemplate: false })
  try {
    const pool = new pg.Pool({ host: server.socketDir, port: 5432, user: 'postgres', database: 'postgres', max: 1 })
    try {
      await migrateDatabase(drizzle(pool, { schema }))
      // Everything written goes to the data files, so that the tarball needs no recovery.
      await pool.query('CHECKPOINT')
    } finally {
      await pool.end()
    }
    const tarball = await server.dump()
    mkdirSync(path.dirname(templateFile), { recursive: true })
    writeFileSync(`${templateFile}.tmp`, tarball)
    renameSync(`${templateFile}.tmp`, templateFile)
    writeFileSync(templateManifestFile, `${JSON.stringify(manifest, null, 2)}\n`)
    return manifest
  } finally {
    await server.stop()
  }
}
