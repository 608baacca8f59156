// `coophub membership renew` and `coophub membership run-daily`: the renewal run and the daily job
// by hand, for the secretariat, for tests, and to catch up after an outage.
import type { Config } from '../../../config.ts'
import type { Database } from '../../../db/client.ts'
import { translator } from '../../../i18n/catalogue.ts'
import type { Mailer } from '../../email/outbox.ts'
import { runDaily, runRenewals } from '../renewals.ts'
import { dailyJobActor, type RunContext } from '../run-context.ts'
import { formatPounds, poundsString } from '../rules/money.ts'
import { yearLabel, type IsoDate } from '../rules/subscription-year.ts'
import type { AuditActor } from '../../audit/record-audit.ts'
import type { Output } from './fee-commands.ts'

const english = translator('en')

export function runContext(config: Config, today: IsoDate, actor: AuditActor = dailyJobActor): RunContext {
  return {
    today,
    network: config.networkName,
    // No request to take an address from: PUBLIC_URL, or this machine's own.
    baseUrl: config.publicUrl ?? `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`,
    settings: config.membership,
    actor,
  }
}

export async function runRenewCommand(
  db: Database,
  mailer: Mailer,
  context: RunContext,
  options: { year: number; dryRun: boolean; json: boolean },
  output: Output,
): Promise<boolean> {
  const result = await runRenewals(db, options.year, context, {
    dryRun: options.dryRun,
    progress: (done, total) => output.progress?.(`Renewals for ${yearLabel(options.year)}: ${done}/${total}`),
  })
  if (!options.dryRun) await mailer.deliver(result.emailIds)
  for (const line of result.lines) {
    if (options.json) {
      output.out(
        JSON.stringify(
          line.step === 'invoice'
            ? {
                organisation: line.organisation,
                tier: line.tier,
                year: line.year,
                amount: line.amountPence === null ? null : poundsString(line.amountPence),
                currency: 'GBP',
                poNumber: line.poNumber,
                status: line.status,
                ...(line.invoice ? { invoice: line.invoice } : {}),
                ...(line.problem ? { problem: english(line.problem.message, line.problem.values) } : {}),
              }
            : { organisation: line.organisation, tier: line.tier, year: line.year, notice: line.status, poNumber: line.poNumber },
        ),
      )
    } else {
      const money = line.amountPence === null ? '' : ` £${formatPounds(line.amountPence)}`
      const problem = line.problem ? `: ${english(line.problem.message, line.problem.values)}` : ''
      output.out(
        `${line.organisation} (${line.tier}): ${line.status}${line.invoice ? ` ${line.invoice}` : ''}${money}${line.poNumber ? `, PO ${line.poNumber}` : ''}${problem}`,
      )
    }
  }
  if (!options.json) {
    const what = result.step === 'notice' ? 'renewal notices' : 'renewal invoices'
    output.out(
      `${result.lines.length} members renew for ${yearLabel(options.year)}: ${what}${options.dryRun ? ' (a dry run: nothing was stored or sent)' : ''}.`,
    )
  }
  return !result.lines.some((l) => l.status === 'cannot-price')
}

export async function runDailyCommand(db: Database, mailer: Mailer, context: RunContext, output: Output): Promise<boolean> {
  const summary = await runDaily(db, context)
  await mailer.deliver(summary.emailIds)
  output.out(
    `Membership, ${summary.date}: ${summary.memberships} memberships; ${summary.statusChanges} changes of status; ` +
      `${summary.reminders.sent} reminders sent (${summary.reminders['no-contact']} without a contact to send to); ` +
      `${summary.invoices.issued} renewal invoices issued${summary.invoices.cannotPrice ? `, ${summary.invoices.cannotPrice} that could not be priced` : ''}.`,
  )
  return true
}
