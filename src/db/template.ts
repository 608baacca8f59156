// The embedded database's template: a database the build (`npm run build`) created and migrated
// once, kept as a tarball in dist/. A new embedded database starts from it instead of running
// PostgreSQL's initdb and every migration, the larger part of a first start.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { readMigrationFiles } from 'drizzle-orm/migrator'
import { distDir, migrationsDir } from '../runtime.ts'

export const templateFile = path.join(distDir, 'pglite-template.tar.gz')
export const templateManifestFile = path.join(distDir, 'pglite-template.json')

/** What the template was made from: its PGlite and the migrations applied to it, in order. */
export interface TemplateManifest {
  pglite: string
  migrations: string[]
}

/** The installed PGlite's version (its package does not export package.json: found from its entry). */
function pgliteVersion(): string {
  let dir = path.dirname(fileURLToPath(import.meta.resolve('@electric-sql/pglite')))
  while (dir !== path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json')
    if (existsSync(manifest)) {
      const { name, version } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version: string }
      if (name === '@electric-sql/pglite') return version
    }
    dir = path.dirname(dir)
  }
  throw new Error('the installed PGlite has no package.json')
}

export function currentTemplateManifest(): TemplateManifest {
  const pglite = pgliteVersion()
  // The hashes drizzle's migrator records, of each migration file as it is now.
  return { pglite, migrations: readMigrationFiles({ migrationsFolder: migrationsDir }).map((m) => `${m.folderMillis}:${m.hash}`) }
}

/**
 * Whether a template made from `made` may start a database for code whose manifest is `now`: the
 * same PGlite (the data folder's format), and the template's migrations are the first of ours,
 * each unchanged (the migrator then applies only the newer ones). Anything else could differ
 * from a database migrated from scratch, so it is not used.
 */
export function templateFits(made: TemplateManifest, now: TemplateManifest): boolean {
  return made.pglite === now.pglite && made.migrations.length <= now.migrations.length && made.migrations.every((m, i) => m === now.migrations[i])
}

/** The template's path when there is one that fits this code; null otherwise. */
export function usableTemplate(): string | null {
  if (!existsSync(templateFile) || !existsSync(templateManifestFile)) return null
  try {
    const made = JSON.parse(readFileSync(templateManifestFile, 'utf8')) as TemplateManifest
    return Array.isArray(made.migrations) && templateFits(made, currentTemplateManifest()) ? templateFile : null
  } catch {
    return null
  }
}
