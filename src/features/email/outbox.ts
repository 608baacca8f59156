import { redactSecrets } from '../../web/log-redaction.ts'
import { eq, inArray, sql } from 'drizzle-orm'
import type { FastifyBaseLogger } from 'fastify'
import type { Transporter } from 'nodemailer'
import type { Config } from '../../config.ts'
import type { Database, Executor } from '../../db/client.ts'
import { emailAttachments, emails } from '../../db/schema/index.ts'

export interface EmailAttachment {
  filename: string
  contentType: string
  content: string
}

export interface OutgoingEmail {
  to: string
  subject: string
  body: string
  attachments?: EmailAttachment[]
}

/** Queues an email inside the caller's transaction: it exists exactly when the change does. */
export async function queueEmail(tx: Executor, email: OutgoingEmail): Promise<number> {
  const [row] = await tx.insert(emails).values({ toAddress: email.to, subject: email.subject, bodyText: email.body }).returning({ id: emails.id })
  for (const a of email.attachments ?? []) await tx.insert(emailAttachments).values({ emailId: row!.id, ...a })
  return row!.id
}

export interface Mailer {
  /** Sends queued emails after their transaction committed; failures are recorded, never thrown. */
  deliver(ids: number[]): Promise<void>
}

export function createMailer(config: Config, db: Database, log: FastifyBaseLogger): Mailer {
  let transport: Transporter | undefined
  return {
    async deliver(ids) {
      if (ids.length === 0) return
      const rows = await db.select().from(emails).where(inArray(emails.id, ids))
      for (const row of rows) {
        if (!config.smtpUrl) {
          // No SMTP server: the outbox page is the delivery. The log has the email without its
          // links' tokens: whoever reads the log must not be able to set someone's password.
          log.info(
            { emailId: row.id, to: row.toAddress, subject: row.subject, body: redactSecrets(row.bodyText) },
            'Email kept in the outbox (SMTP_URL is not set)',
          )
          continue
        }
        // Loaded at the first email sent, not with the server: most starts send none.
        transport ??= (await import('nodemailer')).default.createTransport(config.smtpUrl)
        try {
          const attachments = await db
            .select({ filename: emailAttachments.filename, contentType: emailAttachments.contentType, content: emailAttachments.content })
            .from(emailAttachments)
            .where(eq(emailAttachments.emailId, row.id))
          await transport.sendMail({ from: config.mailFrom, to: row.toAddress, subject: row.subject, text: row.bodyText, attachments })
          await db
            .update(emails)
            .set({ status: 'sent', sentAt: new Date(), lastAttemptAt: new Date(), attempts: sql`${emails.attempts} + 1`, error: null })
            .where(eq(emails.id, row.id))
        } catch (error) {
          // Tried again by the email-retries job after a growing wait (retry-rules.ts).
          const message = error instanceof Error ? error.message : String(error)
          log.warn({ emailId: row.id, err: message }, 'Email could not be sent')
          await db
            .update(emails)
            .set({ status: 'failed', error: message.slice(0, 1000), lastAttemptAt: new Date(), attempts: sql`${emails.attempts} + 1` })
            .where(eq(emails.id, row.id))
        }
      }
    },
  }
}
