import { mkdir, readdir, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import type pg from 'pg'
import type { DatabaseKind } from '../../db/client.ts'
import { backupsToDelete, scheduledBackupName, scheduledBackups } from './rules/retention.ts'
import { takeBackup, type BackupSummary } from './take-backup.ts'

export interface ScheduledBackupResult extends BackupSummary {
  /** Older backups deleted to keep the newest N. */
  deleted: string[]
}

/**
 * The nightly backup: a new file named for now in the folder, then the oldest beyond `keep`
 * deleted (only once the new one is whole, so a failing night never leaves fewer backups), with
 * any `.partial` left by a process killed in the middle of a backup.
 */
export async function runScheduledBackup(
  pool: pg.Pool,
  kind: DatabaseKind,
  settings: { dir: string; keep: number },
  now = new Date(),
): Promise<ScheduledBackupResult> {
  await mkdir(settings.dir, { recursive: true, mode: 0o700 })
  const summary = await takeBackup(pool, kind, path.join(settings.dir, scheduledBackupName(now)))
  const names = await readdir(settings.dir)
  const deleted = backupsToDelete(names, settings.keep)
  const leftovers = names.filter((name) => name.endsWith('.backup.partial') && name.startsWith('coophub-'))
  for (const name of [...deleted, ...leftovers]) await rm(path.join(settings.dir, name), { force: true })
  return { ...summary, deleted }
}

export interface LastBackup {
  name: string
  at: Date
  bytes: number
}

/** The newest scheduled backup in the folder, or null (none yet, or no folder). */
export async function lastBackup(dir: string): Promise<LastBackup | null> {
  let names: string[]
  try {
    names = await readdir(dir)
  } catch {
    return null
  }
  for (const backup of scheduledBackups(names)) {
    try {
      return { ...backup, bytes: (await stat(path.join(dir, backup.name))).size }
    } catch {
      // Deleted between the listing and now (a rotation on another instance): the next one.
    }
  }
  return null
}
