// Detecting concurrent edits with the row's updated_at: every edit form carries the value it
// started from as a hidden `version`, and the update refuses when the row has changed since.

/** The version an edit form carries: the row's updated_at as an ISO string (millisecond precision). */
export function versionOf(updatedAt: Date): string {
  return updatedAt.toISOString()
}

/** Whether the row is still the one the form was opened on. A missing or garbled version never matches. */
export function isSameVersion(updatedAt: Date, version: string): boolean {
  return version !== '' && versionOf(updatedAt) === version
}

/**
 * The updated_at for a change: now, but always at least a millisecond after the previous value,
 * so two saves within one millisecond still give the form a new version.
 */
export function nextUpdatedAt(previous: Date, now = new Date()): Date {
  return new Date(Math.max(now.getTime(), previous.getTime() + 1))
}
