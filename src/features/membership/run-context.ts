// What the daily job and the renewal run need beyond the database: the day, the site's address for
// links, the network's name and the membership settings, and who is acting (the job, or a person).
import type { Config, MembershipConfig } from '../../config.ts'
import type { AuditActor } from '../audit/record-audit.ts'
import { defaultReminderSettings, type ReminderSettings } from './rules/reminders.ts'
import { londonDate, subscriptionYearOf, type IsoDate } from './rules/subscription-year.ts'

export interface RunContext {
  today: IsoDate
  network: string
  baseUrl: string
  settings: MembershipConfig
  actor: AuditActor
}

/** The rules' settings from the site's: its year, days to pay and grace; notices on 1 July, PO numbers by 1 August. */
export function ruleSettings(settings: MembershipConfig): ReminderSettings {
  return { ...defaultReminderSettings, graceDays: settings.graceDays, paymentTermsDays: settings.paymentDays, yearStart: settings.yearStarts }
}

/** The actor of scheduled work, in the audit log and the membership history. */
export const dailyJobActor: AuditActor = { id: null, label: 'daily membership job' }

/** The subscription year today falls in, in London. */
export function currentYear(config: Pick<Config, 'membership'>, now = new Date()): number {
  return subscriptionYearOf(londonDate(now), config.membership.yearStarts.month, config.membership.yearStarts.day)
}
