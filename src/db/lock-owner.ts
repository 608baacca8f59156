// Who holds an embedded data folder's lock. proper-lockfile counts a lock as stale only when its
// mtime is older than `stale` (10 s), so after a crash the next start would be refused for those
// seconds although nobody holds the folder. Beside the lock the holder writes its pid and its
// process start time; a lock whose holder is gone (or whose pid now names another process) is taken
// over at once.
import { readFileSync, rmSync, writeFileSync, renameSync } from 'node:fs'
import path from 'node:path'

export interface LockOwner {
  pid: number
  /** Clock ticks since boot when the process started (Linux /proc/<pid>/stat field 22); null where there is no /proc. */
  startTicks: string | null
}

export const lockDirOf = (dataDir: string): string => path.join(dataDir, 'coophub.lock')
const ownerFileOf = (dataDir: string): string => path.join(dataDir, 'coophub.lock.owner.json')

/** A process's start time in clock ticks since boot, or null when it cannot be read (no /proc, or no such process). */
export function processStartTicks(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // The command name (field 2) is in parentheses and may hold spaces: count fields after its ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return fields[19] ?? null
  } catch {
    return null
  }
}

/** Whether a process runs. EPERM: alive, but another user's (whose files will refuse us anyway). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** True when the recorded holder is certainly gone: its pid is dead, or now belongs to a process started at another time. */
export function isOwnerGone(
  owner: LockOwner,
  startTicksOf: (pid: number) => string | null = processStartTicks,
  alive: (pid: number) => boolean = processAlive,
): boolean {
  if (!alive(owner.pid)) return true
  if (owner.startTicks === null) return false
  const now = startTicksOf(owner.pid)
  return now !== null && now !== owner.startTicks
}

export function readLockOwner(dataDir: string): LockOwner | null {
  try {
    const value = JSON.parse(readFileSync(ownerFileOf(dataDir), 'utf8')) as Partial<LockOwner>
    if (!Number.isSafeInteger(value.pid) || (value.pid ?? 0) <= 0) return null
    return { pid: value.pid!, startTicks: typeof value.startTicks === 'string' ? value.startTicks : null }
  } catch {
    return null
  }
}

export function writeLockOwner(dataDir: string): void {
  const file = ownerFileOf(dataDir)
  writeFileSync(`${file}.tmp`, JSON.stringify({ pid: process.pid, startTicks: processStartTicks(process.pid) } satisfies LockOwner), { mode: 0o600 })
  renameSync(`${file}.tmp`, file)
}

export function removeLockOwner(dataDir: string): void {
  rmSync(ownerFileOf(dataDir), { force: true })
}

/**
 * Removes a lock left by a process that is gone, so the caller can take it at once. A lock with no
 * owner file (an older coophub, or a crash between the two writes) is left to proper-lockfile's
 * staleness; nothing is removed while the holder may be alive.
 */
export function clearLockOfGoneOwner(dataDir: string): boolean {
  const owner = readLockOwner(dataDir)
  if (!owner || owner.pid === process.pid || !isOwnerGone(owner)) return false
  rmSync(lockDirOf(dataDir), { recursive: true, force: true })
  removeLockOwner(dataDir)
  return true
}
