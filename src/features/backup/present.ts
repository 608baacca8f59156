import type { Translate } from '../../i18n/catalogue.ts'
import type { Formatter } from '../../i18n/format.ts'
import { intlLocale } from '../../i18n/format.ts'
import type { Locale } from '../../i18n/locales.ts'
import type { LastBackup } from './scheduled-backup.ts'

export interface BackupStatusView {
  text: string
  /** Nothing written in more than two days: the job is failing (a full disk, a folder gone). */
  warning: boolean
}

const overdueMs = 2 * 24 * 3600_000

/** A size the way the language writes it: "1.4 MB", "820 kB". */
export function sizeIn(locale: Locale, bytes: number): string {
  const megabytes = bytes / 1_000_000
  const [value, unit] = megabytes >= 0.1 ? [megabytes, 'megabyte'] : [Math.max(bytes / 1000, 0.1), 'kilobyte']
  return new Intl.NumberFormat(intlLocale[locale], { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(value)
}

/** The admin front page's line about backups: off, none yet, or the last one's time and size. */
export function presentBackupStatus(
  status: { dir: string | undefined; last: LastBackup | null },
  i18n: { t: Translate; format: Formatter; locale: Locale },
  now = new Date(),
): BackupStatusView {
  const { t, format, locale } = i18n
  if (!status.dir) return { text: t('admin.backup.off'), warning: false }
  if (!status.last) return { text: t('admin.backup.none', { dir: status.dir }), warning: false }
  return {
    text: t('admin.backup.last', { when: format.dateTime(status.last.at), size: sizeIn(locale, status.last.bytes) }),
    warning: now.getTime() - status.last.at.getTime() > overdueMs,
  }
}
