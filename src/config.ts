import path from 'node:path'
import { z } from 'zod'

// The only module that reads process.env: everything else receives a Config.
const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes')

const schema = z
  .object({
    HOST: z.string().min(1).default('127.0.0.1'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
    DATA_DIR: z.string().min(1).default('.data'),
    NETWORK_NAME: z.string().min(1).max(120).default('Co-operative Councils Network'),
    NETWORK_SHORT_NAME: z.string().min(1).max(40).default('Co-op Councils'),
    PUBLIC_URL: z.url().optional(),
    HTTPS: bool.default(false),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    DEMO_CONTENT: bool.default(true),
    TRUST_PROXY: bool.default(false),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
      .optional(),
    MAIL_FROM: z.string().min(3).default('coophub <no-reply@localhost>'),
    MEMBERSHIP_YEAR_STARTS: z
      .string()
      .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9])$/, 'must be a month and day as MM-DD, no later than the 29th (e.g. 09-01)')
      .default('09-01'),
    MEMBERSHIP_PAYMENT_DAYS: z.coerce.number().int().min(1).max(365).default(30),
    MEMBERSHIP_GRACE_DAYS: z.coerce.number().int().min(0).max(365).default(90),
    INVOICE_PREFIX: z
      .string()
      .regex(/^[A-Z]{2,8}$/, 'must be 2 to 8 capital letters (e.g. CCN)')
      .default('CCN'),
    INVOICE_ADDRESS: z.string().min(1).max(500).default('Address to be set (INVOICE_ADDRESS)'),
    INVOICE_PAYMENT_DETAILS: z.string().min(1).max(500).default('Payment details to be set (INVOICE_PAYMENT_DETAILS)'),
    SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(20_160).default(120),
    SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(336).default(12),
    SECURITY_CONTACT: z
      .string()
      .regex(/^(mailto:[^\s@]+@[^\s@]+|https:\/\/\S+|[^\s@:]+@[^\s@]+\.[^\s@]+)$/, 'must be an email address, a mailto: link or an https:// address')
      .optional(),
    BACKUP_DIR: z.string().min(1).optional(),
    BACKUP_KEEP: z.coerce.number().int('must be a whole number of backups').min(1, 'must keep at least 1 backup').max(3650).default(14),
    OPEN_DATA_REQUESTS_PER_MINUTE: z.coerce
      .number()
      .int('must be a whole number of requests')
      .min(0, 'must be 0 (no limit) or more')
      .max(1_000_000)
      .default(600),
  })
  .refine((e) => e.SESSION_IDLE_MINUTES <= e.SESSION_ABSOLUTE_HOURS * 60, {
    path: ['SESSION_IDLE_MINUTES'],
    message: 'must be no longer than SESSION_ABSOLUTE_HOURS',
  })

export interface Config {
  host: string
  port: number
  /** Set: a PostgreSQL server. Unset: the embedded PGlite database in dataDir. */
  databaseUrl: string | undefined
  dataDir: string
  networkName: string
  networkShortName: string
  publicUrl: string | undefined
  /** Served over HTTPS (directly or behind a proxy): secure cookies and HSTS. */
  https: boolean
  logLevel: string
  /** Load the demo content into an empty database at start-up. */
  demoContent: boolean
  trustProxy: boolean
  /** Set: emails go out through this SMTP server. Unset: they stay in the outbox and the log. */
  smtpUrl: string | undefined
  mailFrom: string
  membership: MembershipConfig
  sessions: SessionConfig
  /** Where to report a vulnerability (security.txt): a mailto: or https: address; unset: MAIL_FROM's address. */
  securityContact: string | undefined
  backup: BackupConfig
  /** Requests one address may make to the open data (API, exports, feed) per minute; 0: no limit. */
  openDataRequestsPerMinute: number
}

export interface SessionConfig {
  /** A session unused this long ends. */
  idleMinutes: number
  /** A session ends this long after sign-in, however busy. */
  absoluteHours: number
}

export interface BackupConfig {
  /** Set: a backup is written here every night (a folder of its own). Unset: no scheduled backups. */
  dir: string | undefined
  /** How many of the scheduled backups to keep, the newest; older ones are deleted. */
  keep: number
}

export interface MembershipConfig {
  /** The subscription year's first day, as month and day: 9 and 1 is 1 September to 31 August. */
  yearStarts: { month: number; day: number }
  /** Days from an invoice's issue to its due date. */
  paymentDays: number
  /** Days after an invoice fell due before an unpaid membership lapses. */
  graceDays: number
  invoicePrefix: string
  /** The network's postal address and payment details, printed on invoices; `\n` separates lines. */
  invoiceAddress: string
  invoicePaymentDetails: string
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
    this.name = 'ConfigError'
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty strings in .env files mean "not set", not "set to nothing".
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''))
  const parsed = schema.safeParse(cleaned)
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`))
  }
  const e = parsed.data
  return {
    host: e.HOST,
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.DATA_DIR),
    networkName: e.NETWORK_NAME,
    networkShortName: e.NETWORK_SHORT_NAME,
    publicUrl: e.PUBLIC_URL,
    https: e.HTTPS,
    logLevel: e.LOG_LEVEL,
    demoContent: e.DEMO_CONTENT,
    trustProxy: e.TRUST_PROXY,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    membership: {
      yearStarts: { month: Number(e.MEMBERSHIP_YEAR_STARTS.slice(0, 2)), day: Number(e.MEMBERSHIP_YEAR_STARTS.slice(3)) },
      paymentDays: e.MEMBERSHIP_PAYMENT_DAYS,
      graceDays: e.MEMBERSHIP_GRACE_DAYS,
      invoicePrefix: e.INVOICE_PREFIX,
      invoiceAddress: e.INVOICE_ADDRESS.replaceAll('\\n', '\n'),
      invoicePaymentDetails: e.INVOICE_PAYMENT_DETAILS.replaceAll('\\n', '\n'),
    },
    sessions: { idleMinutes: e.SESSION_IDLE_MINUTES, absoluteHours: e.SESSION_ABSOLUTE_HOURS },
    securityContact: e.SECURITY_CONTACT === undefined || /^(mailto|https):/.test(e.SECURITY_CONTACT) ? e.SECURITY_CONTACT : `mailto:${e.SECURITY_CONTACT}`,
    backup: { dir: e.BACKUP_DIR === undefined ? undefined : path.resolve(e.BACKUP_DIR), keep: e.BACKUP_KEEP },
    openDataRequestsPerMinute: e.OPEN_DATA_REQUESTS_PER_MINUTE,
  }
}
