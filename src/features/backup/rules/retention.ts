/** Scheduled backups are named for the moment they were taken (UTC), so names sort by age. */
const scheduledName = /^coophub-(\d{4})-(\d{2})-(\d{2})T(\d{2})(\d{2})(\d{2})Z\.backup$/

export function scheduledBackupName(at: Date): string {
  const iso = at.toISOString() // 2026-12-07T02:30:00.123Z
  return `coophub-${iso.slice(0, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z.backup`
}

/** When a scheduled backup was taken, from its name; null for any other file. */
export function takenAt(name: string): Date | null {
  const m = scheduledName.exec(name)
  if (!m) return null
  const at = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])))
  return scheduledBackupName(at) === name ? at : null
}

/** The scheduled backups of a folder, newest first; other files are never counted or touched. */
export function scheduledBackups(names: readonly string[]): Array<{ name: string; at: Date }> {
  return names
    .flatMap((name) => {
      const at = takenAt(name)
      return at ? [{ name, at }] : []
    })
    .sort((a, b) => b.at.getTime() - a.at.getTime())
}

/** The scheduled backups beyond the newest `keep`: the ones to delete. */
export function backupsToDelete(names: readonly string[], keep: number): string[] {
  return scheduledBackups(names)
    .slice(Math.max(1, keep))
    .map((b) => b.name)
}
