import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Database } from '../../../db/client.ts'
import type { AuditActor } from '../../audit/record-audit.ts'
import { AUTHORITIES_SOURCE, importAuthorities } from '../commands/import-authorities.ts'
import type { AuthoritiesImportResult } from '../commands/import-authorities.ts'
import { importPrinciples } from '../commands/import-principles.ts'
import type { PrinciplesImportResult } from '../commands/import-principles.ts'
import { decodeBytes } from '../decode-bytes.ts'
import { parseAuthoritiesCsv } from '../parse-authorities-csv.ts'
import { parsePrinciplesJson } from '../parse-principles-json.ts'
import { projectRoot } from '../../../runtime.ts'
import type { Output } from './progress.ts'

type Loaded = { ok: true; text: string } | { ok: false; error: string }

async function loadText(file: string): Promise<Loaded> {
  try {
    const decoded = decodeBytes(await readFile(file))
    return decoded.ok ? { ok: true, text: decoded.text } : { ok: false, error: `${file}: ${decoded.error}` }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    return { ok: false, error: code === 'ENOENT' ? `${file} does not exist.` : `${file} could not be read: ${(error as Error).message}` }
  }
}

/** `coophub principles import FILE.json`; null when the file was refused (the errors are printed). */
export async function runPrinciplesImport(db: Database, actor: AuditActor, file: string, output: Output): Promise<PrinciplesImportResult | null> {
  const loaded = await loadText(file)
  if (!loaded.ok) {
    output.err(loaded.error)
    return null
  }
  const parsed = parsePrinciplesJson(loaded.text)
  if (!parsed.ok) {
    output.err(`${file} was not imported:`)
    for (const e of parsed.errors) output.err(`  ${e}`)
    return null
  }
  const result = await importPrinciples(db, actor, parsed.value, path.basename(file))
  const list = (label: string, names: string[]) => output.out(`${label.padEnd(10)} ${names.length}${names.length ? `: ${names.join('; ')}` : ''}`)
  output.out(`Principles from ${path.basename(file)}:`)
  list('Added', result.added)
  list('Updated', result.updated)
  list('Unchanged', result.unchanged)
  if (result.notInFile.length > 0) list('Kept', result.notInFile)
  if (result.updated.length > 0) output.out('The earlier wording of each updated principle is kept in its history.')
  return result
}

/** The register shipped with coophub (data/README.md says whose it is and where it came from). */
export const shippedAuthoritiesFile = path.join(projectRoot, 'data', 'uk-local-authorities.csv')

/** `coophub authorities import [FILE.csv]`: the register, with a progress bar on a terminal. */
export async function runAuthoritiesImport(
  db: Database,
  actor: AuditActor,
  file: string,
  output: Output,
  tty = Boolean(process.stderr.isTTY),
): Promise<AuthoritiesImportResult | null> {
  const loaded = await loadText(file)
  if (!loaded.ok) {
    output.err(loaded.error)
    return null
  }
  const parsed = parseAuthoritiesCsv(loaded.text)
  if (!parsed.ok) {
    output.err(`${file} was not imported:`)
    for (const e of parsed.errors.slice(0, 20)) output.err(`  ${e}`)
    if (parsed.errors.length > 20) output.err(`  … and ${parsed.errors.length - 20} more problems`)
    return null
  }
  const result = await importAuthorities(db, actor, parsed.value, (done, total) => {
    if (tty) process.stderr.write(`\rLoading local authorities: ${done}/${total}`)
  })
  if (tty) process.stderr.write('\n')
  output.out(`Local authorities: ${result.total} in the file — ${result.added} added, ${result.updated} updated, ${result.unchanged} unchanged.`)
  output.out(`Source: ${AUTHORITIES_SOURCE}. Credit mySociety wherever this data is shown.`)
  return result
}
