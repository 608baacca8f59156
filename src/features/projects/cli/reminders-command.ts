// `coophub projects reminders`: the daily reminders by hand, for the secretariat, for tests, and
// to catch up after an outage. Safe to run again: each reminder goes once per report.
import type { Config } from '../../../config.ts'
import type { Database } from '../../../db/client.ts'
import { commandLineActor } from '../../audit/record-audit.ts'
import { createMailer } from '../../email/outbox.ts'
import { londonDate } from '../../membership/rules/subscription-year.ts'
import { sendReportReminders } from '../commands/send-report-reminders.ts'

export async function runRemindersByHand(db: Database, config: Config, date: string | null, out: (line: string) => void = console.log): Promise<void> {
  // The mailer logs as the server does; on the command line only its warnings matter, on standard error.
  const log = { info: () => {}, warn: (_detail: unknown, message: string) => console.error(message) } as unknown as Parameters<typeof createMailer>[2]
  const today = date ?? londonDate(new Date())
  const summary = await sendReportReminders(db, {
    today,
    network: config.networkName,
    baseUrl: config.publicUrl ?? `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`,
    actor: commandLineActor,
  })
  await createMailer(config, db, log).deliver(summary.emailIds)
  out(`Project reports, ${summary.date}: ${summary.sent} reminders sent (${summary.emailIds.length} emails).`)
}
