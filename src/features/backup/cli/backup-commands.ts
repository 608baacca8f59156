import { existsSync } from 'node:fs'
import path from 'node:path'
import type { DatabaseHandle } from '../../../db/client.ts'
import type { RunningServer } from '../../../db/embedded.ts'
import type { Output } from '../../import/cli/progress.ts'
import { formatBytes, RestoreRefused } from '../manifest.ts'
import { restoreBackup } from '../restore-backup.ts'
import { takeBackup } from '../take-backup.ts'
import { rowProgress } from './row-progress.ts'

const kindName = { pglite: 'the embedded database', postgres: 'PostgreSQL' } as const

/** `coophub backup FILE`. False (exit code 1) when the file could not be written, with why. */
export async function runBackup(handle: DatabaseHandle, file: string, output: Output): Promise<boolean> {
  const target = path.resolve(file)
  if (existsSync(target)) {
    output.err(`${file} already exists: choose a new name (a backup never overwrites a file).`)
    return false
  }
  if (!existsSync(path.dirname(target))) {
    output.err(`There is no folder ${path.dirname(target)} to write ${path.basename(target)} in.`)
    return false
  }
  const began = performance.now()
  const progress = rowProgress('Backing up')
  try {
    const summary = await takeBackup(handle.pool, handle.kind, target, progress.report)
    progress.stop()
    const seconds = ((performance.now() - began) / 1000).toFixed(1)
    output.out(
      `Backed up ${summary.rows} rows of ${summary.tables} tables from ${kindName[handle.kind]} (schema ${summary.header.schema.tag}) ` +
        `to ${file} (${formatBytes(summary.bytes)}) in ${seconds} s.`,
    )
    return true
  } catch (error) {
    progress.stop()
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EACCES' || code === 'ENOSPC' || code === 'EROFS') {
      output.err(
        `The backup could not be written to ${file} (${code === 'ENOSPC' ? 'the disk is full' : 'not allowed to write there'}); nothing was left behind.`,
      )
      return false
    }
    throw error
  }
}

export interface RestoreCommandOptions {
  replace: boolean
}

/** `coophub restore FILE [--replace]`. False (exit code 1) when refused, with why; nothing is changed then. */
export async function runRestore(
  handle: DatabaseHandle,
  server: RunningServer | null,
  file: string,
  options: RestoreCommandOptions,
  output: Output,
): Promise<boolean> {
  if (server) {
    // The server's caches, search engine and sessions would go on serving what was replaced.
    output.err(`The coophub server (process ${server.pid}) is using this data folder: stop it, restore, then start it again.`)
    return false
  }
  const progress = rowProgress('Restoring')
  try {
    const summary = await restoreBackup(handle.pool, path.resolve(file), { replace: options.replace, progress: progress.report })
    progress.stop()
    const { header } = summary
    output.out(
      `Restored ${summary.rows} rows of ${header.tables.length} tables into ${kindName[handle.kind]}, from a backup of ${kindName[header.source]} ` +
        `made ${header.createdAt} (schema ${header.schema.tag}).`,
    )
    output.out('Start (or restart) coophub now: every server reads the restored content as it starts.')
    return true
  } catch (error) {
    progress.stop()
    if (error instanceof RestoreRefused) {
      output.err(error.message)
      return false
    }
    throw error
  }
}
