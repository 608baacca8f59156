import { sql } from 'drizzle-orm'
import type { Database } from '../../../db/client.ts'
import { localAuthorities } from '../../../db/schema/index.ts'
import type { AuditActor } from '../../audit/record-audit.ts'
import { recordAudit } from '../../audit/record-audit.ts'
import type { AuthorityRow } from '../parse-authorities-csv.ts'

export const AUTHORITIES_ATTRIBUTION = 'Local authority data: mySociety, CC BY 4.0'
export const AUTHORITIES_SOURCE =
  'mySociety “UK Local Authority Names and Codes” (https://github.com/mysociety/uk_local_authority_names_and_codes), licensed CC BY 4.0'

export interface AuthoritiesImportResult {
  total: number
  added: number
  updated: number
  unchanged: number
}

// About 470 rows: a few multi-row statements instead of one round trip per row.
const BATCH = 200

const columns = {
  officialName: 'official_name',
  niceName: 'nice_name',
  gssCode: 'gss_code',
  typeCode: 'type_code',
  typeName: 'type_name',
  nation: 'nation',
  region: 'region',
  altNames: 'alt_names',
  population: 'population',
  latitude: 'latitude',
  longitude: 'longitude',
  current: 'current',
  startDate: 'start_date',
  endDate: 'end_date',
} as const
const fromExcluded = Object.fromEntries(Object.entries(columns).map(([key, column]) => [key, sql.raw(`excluded.${column}`)]))
const differs = sql.join(
  Object.values(columns).map((c) => sql.raw(`local_authorities.${c} IS DISTINCT FROM excluded.${c}`)),
  sql` OR `,
)

/**
 * Loads the register into local_authorities, keyed by code. A row whose values are all the same
 * is left alone (not even its updated_at changes), so a second run reports everything unchanged.
 */
export async function importAuthorities(
  db: Database,
  actor: AuditActor,
  rows: readonly AuthorityRow[],
  onProgress: (done: number, total: number) => void = () => undefined,
): Promise<AuthoritiesImportResult> {
  const result: AuthoritiesImportResult = { total: rows.length, added: 0, updated: 0, unchanged: 0 }
  await db.transaction(async (tx) => {
    for (let start = 0; start < rows.length; start += BATCH) {
      const values = rows.slice(start, start + BATCH).map((r) => ({
        code: r.code,
        officialName: r.officialName,
        niceName: r.niceName,
        gssCode: r.gssCode ?? null,
        typeCode: r.typeCode || null,
        typeName: r.typeName || null,
        nation: r.nation || null,
        region: r.region || null,
        altNames: r.altNames,
        population: r.population === null ? null : Math.round(r.population),
        latitude: r.lat,
        longitude: r.long,
        current: r.current,
        startDate: r.startDate ?? null,
        endDate: r.endDate ?? null,
      }))
      const written = await tx
        .insert(localAuthorities)
        .values(values)
        .onConflictDoUpdate({ target: localAuthorities.code, set: { ...fromExcluded, updatedAt: sql`now()` }, setWhere: differs })
        .returning({ inserted: sql<boolean>`(xmax = 0)` })
      for (const w of written) {
        if (w.inserted) result.added++
        else result.updated++
      }
      onProgress(Math.min(start + BATCH, rows.length), rows.length)
    }
    result.unchanged = result.total - result.added - result.updated
    if (result.added + result.updated > 0) {
      await recordAudit(tx, actor, {
        action: 'authorities-imported',
        subjectType: 'local-authorities',
        summary: `Loaded the local authorities register: ${result.added} added, ${result.updated} updated, ${result.unchanged} unchanged`,
        changes: { source: AUTHORITIES_SOURCE },
      })
    }
  })
  return result
}
