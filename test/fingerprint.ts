import { sql } from 'drizzle-orm'
import type { Database } from '../src/db/client.ts'

/** A digest of every row of every table: equal before and after means nothing was written. */
export async function databaseFingerprint(db: Database): Promise<Record<string, string>> {
  const tables = await db.execute<{ name: string }>(
    sql`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  )
  const digest: Record<string, string> = {}
  for (const { name } of tables.rows) {
    const row = await db.execute<{ d: string | null }>(sql.raw(`SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) AS d FROM "${name}" t`))
    digest[name] = row.rows[0]?.d ?? 'empty'
  }
  return digest
}
