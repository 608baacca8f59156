import type { ProjectReminderKind, ProjectReportKind } from '../../db/schema/enums.ts'
import { translator } from '../../i18n/catalogue.ts'
import { formatterOf } from '../../i18n/format.ts'
import type { Locale } from '../../i18n/locales.ts'
import { linkIn } from '../email/messages.ts'
import type { OutgoingEmail } from '../email/outbox.ts'

/** ICU select keys cannot hold hyphens: `report-due-soon` is `dueSoon` in the catalogue. */
const which: Record<ProjectReminderKind, string> = { 'report-due-soon': 'dueSoon', 'report-overdue': 'overdue' }

/** To a lead's officer: a report is due soon, or overdue, with the day and where to write it. */
export function reminderEmail(
  locale: Locale,
  input: { kind: ProjectReminderKind; name: string; network: string; project: string; report: ProjectReportKind; dueOn: string; link: string },
): Pick<OutgoingEmail, 'subject' | 'body'> {
  const t = translator(locale)
  const values = {
    name: input.name,
    network: input.network,
    project: input.project,
    report: input.report,
    due: formatterOf(locale).date(new Date(`${input.dueOn}T12:00:00Z`)),
    link: linkIn(locale, input.link),
  }
  return { subject: t(`projects.email.${which[input.kind]}.subject`, values), body: t(`projects.email.${which[input.kind]}.body`, values) }
}
