import os from 'node:os'
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander'
import { ConfigError, loadConfig } from './config.ts'
import {
  databaseTarget,
  describeDatabase,
  migrateDatabase,
  openForCommandLine,
  pendingMigrations,
  ServerSchemaBehindError,
  type DatabaseHandle,
} from './db/client.ts'
import { DataDirLockedError, type RunningServer } from './db/embedded.ts'
import { commandLineActor } from './features/audit/record-audit.ts'
import { inTransaction } from './db/unit-of-work.ts'
import { demoContext, loadDemoContent } from './features/demo/load-demo-content.ts'
import { maxSyntheticCount, parseSeed, parseSyntheticCount, runSynthetic } from './features/demo/synthetic/synthetic-command.ts'
import { consoleOutput } from './features/import/cli/progress.ts'

// Each command's code loads on demand: the web server costs most of a second, which every
// command-line import or script would otherwise pay, and the importer and account commands a
// third of a second of every start of the server.
const webServer = () => import('./server.ts')
const importer = () => import('./features/import/cli/import-command.ts')
const referenceImporter = () => import('./features/import/cli/reference-commands.ts')

/**
 * Beside a running server nothing is migrated: the server migrated as it started, its code
 * expects the schema it made, and DDL would stop the site while it ran. A server started from
 * older code than this command's is reported instead. The command then gives way to the site
 * when the machine is busy, as the server's database thread does (figures in docs/benchmarks.md).
 */
async function prepareBesideServer(handle: DatabaseHandle, server: RunningServer): Promise<void> {
  const pending = await pendingMigrations(handle.db)
  if (pending > 0) throw new ServerSchemaBehindError(server, pending)
  try {
    os.setPriority(10)
  } catch {
    // Not permitted or not supported here: run at normal priority.
  }
}

/**
 * Opens the database (through the running server's socket when a server holds the data folder),
 * migrates it, runs the work and closes it.
 */
async function withDatabase<T>(work: (handle: DatabaseHandle, server: RunningServer | null) => Promise<T>): Promise<T> {
  const config = loadConfig()
  const { handle, server } = await openForCommandLine(databaseTarget(config), (line) => console.error(line))
  try {
    if (server) await prepareBesideServer(handle, server)
    else await migrateDatabase(handle.db)
    return await work(handle, server)
  } finally {
    await handle.close()
  }
}

/**
 * Documents per transaction when importing beside a running server: while a batch's transaction
 * runs, the site's queries wait for it (PGlite has one session). Figures in docs/benchmarks.md.
 */
const besideServerBatch = 100

const program = new Command().name('coophub').description('The web platform of a network of co-operative councils.').showHelpAfterError()

program
  .command('serve', { isDefault: true })
  .description('Serve the website (migrates the database first; loads the demo into an empty one)')
  .action(async () => {
    const { startServer } = await webServer()
    await startServer(loadConfig())
  })

program
  .command('migrate')
  .description('Apply the database migrations and exit')
  .action(async () => {
    const server = await withDatabase(async (_handle, server) => server)
    if (server) console.log(`The server (process ${server.pid}) applied the migrations as it started: ${describeDatabase(loadConfig())} is up to date.`)
    else console.log(`Migrations applied to ${describeDatabase(loadConfig())}.`)
  })

program
  .command('demo')
  .description('Load the demo principles, members and case studies (safe to run again: it updates them)')
  .option(
    '--synthetic <n>',
    `instead, generate N synthetic case studies (1 to ${maxSyntheticCount}) with their organisations and themes, for benchmarks`,
    parseSyntheticCount,
  )
  .option('--seed <s>', 'with --synthetic: which synthetic set (a whole number; default 1); the same N and seed give the same data', parseSeed)
  .option('--list', 'list the demo organisations and their slugs (for --organisation when creating accounts), and load nothing')
  .action(async (options: { synthetic?: number; seed?: number; list?: boolean }, command: Command) => {
    if (options.list) {
      const { demoOrganisationList } = await import('./features/demo/list.ts')
      for (const line of demoOrganisationList()) console.log(line)
      return
    }
    if (options.synthetic !== undefined) {
      const synthetic = options.synthetic
      await withDatabase((handle) => runSynthetic(handle.db, commandLineActor, { count: synthetic, seed: options.seed ?? 1 }, consoleOutput))
      return
    }
    if (options.seed !== undefined) command.error('error: --seed only applies with --synthetic <n>')
    const config = loadConfig()
    const counts = await withDatabase((handle) =>
      loadDemoContent(
        handle.db,
        (done, total) => {
          if (process.stdout.isTTY) process.stdout.write(`\rLoading case studies: ${done}/${total}`)
        },
        demoContext({ network: config.networkName, ...(config.publicUrl ? { baseUrl: config.publicUrl.replace(/\/+$/, '') } : {}) }),
      ),
    )
    if (process.stdout.isTTY) process.stdout.write('\n')
    console.log(
      `Demo content loaded: ${counts.principles} principles, ${counts.organisations} organisations (${counts.memberships} with a membership), ${counts.caseStudies} case studies.`,
    )
  })

/** The whole of standard input when it is piped; '' on a terminal (nothing to read without asking). */
async function readPipedInput(): Promise<string> {
  if (process.stdin.isTTY) return ''
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

const users = program.command('users').description('Manage accounts')
users
  .command('create')
  .description('Create an account. A password piped on standard input activates it; otherwise an invitation link is printed.')
  .requiredOption('--email <email>', 'email address (the sign-in name)')
  .requiredOption('--name <name>', 'the person’s name')
  .requiredOption('--role <role>', 'admin, editor or officer')
  .option('--organisation <slug>', 'the organisation an officer works for')
  .action(async (options: { email: string; name: string; role: string; organisation?: string }) => {
    const config = loadConfig()
    const piped = (await readPipedInput()).replace(/\r?\n$/, '')
    const result = await withDatabase(async (handle) => {
      const { createUser } = await import('./features/accounts/commands/create-user.ts')
      const created = await inTransaction(handle.db, (tx) =>
        createUser(tx, commandLineActor, {
          email: options.email,
          name: options.name,
          role: options.role,
          organisation: options.organisation ?? '',
          ...(piped ? { password: piped } : {}),
          baseUrl: config.publicUrl ?? `http://localhost:${config.port}`,
          networkName: config.networkName,
        }),
      )
      return created
    })
    if (!result.ok) {
      // The command's messages are catalogue keys: the command line speaks English.
      const { translator } = await import('./i18n/catalogue.ts')
      for (const e of result.errors) console.error(`${e.field}: ${translator('en')(e.message, e.values)}`)
      process.exitCode = 1
      return
    }
    if (result.value.invitationLink) {
      console.log(`Account created for ${options.email}. To set a password, open (once, within 7 days):`)
      console.log(result.value.invitationLink)
    } else {
      console.log(`Account created for ${options.email}; it can sign in now.`)
    }
  })

program
  .command('import')
  .description('Import case studies (.txt, .md, .html, .docx) as drafts; importing a file again updates its draft')
  .argument('<files...>', 'files, folders or globs such as "pages/**/*.html"')
  .option('--dry-run', 'read the files and show what would be stored, storing nothing')
  .option('--json', 'one JSON object per document per line (with --dry-run: the reading)')
  .action(async (files: string[], options: { dryRun?: boolean; json?: boolean }) => {
    const { runImport } = await importer()
    const summary = await withDatabase((handle, server) =>
      runImport(
        handle.db,
        commandLineActor,
        files,
        { dryRun: options.dryRun === true, json: options.json === true, ...(server ? { batchSize: besideServerBatch } : {}) },
        consoleOutput,
      ),
    )
    if (summary.failed > 0) process.exitCode = 1
  })

const backupCli = () => import('./features/backup/cli/backup-commands.ts')
program
  .command('backup')
  .description(
    'Write a backup of the whole database to FILE, from one snapshot taken while the site keeps serving; it restores into either database (embedded or PostgreSQL)',
  )
  .argument('<file>', 'the file to write (it must not exist yet), such as coophub-2026-12-07.backup')
  .action(async (file: string) => {
    const { runBackup } = await backupCli()
    const done = await withDatabase((handle) => runBackup(handle, file, consoleOutput))
    if (!done) process.exitCode = 1
  })

program
  .command('restore')
  .description(
    'Put a backup made by `coophub backup` (or the scheduled backups) into the database, in one transaction: a damaged file, a newer schema or a database in use is refused and nothing is changed',
  )
  .argument('<file>', 'the backup file')
  .option('--replace', 'delete everything the database holds first (without it, only an empty database is restored into)')
  .action(async (file: string, options: { replace?: boolean }) => {
    const { runRestore } = await backupCli()
    const done = await withDatabase((handle, server) => runRestore(handle, server, file, { replace: options.replace === true }, consoleOutput))
    if (!done) process.exitCode = 1
  })

const principlesCommand = program.command('principles').description('The network’s statement of principles')
principlesCommand
  .command('import')
  .description('Add and update principles from a JSON file ([{ name, statement, order?, sub_points? }]), keeping earlier wordings')
  .argument('<file>', 'the JSON file, such as ccin-principles.json')
  .action(async (file: string) => {
    const { runPrinciplesImport } = await referenceImporter()
    const result = await withDatabase((handle) => runPrinciplesImport(handle.db, commandLineActor, file, consoleOutput))
    if (!result) process.exitCode = 1
  })

const authoritiesCommand = program.command('authorities').description('The UK local authorities register (mySociety, CC BY 4.0)')
authoritiesCommand
  .command('import')
  .description('Load the register of UK local authorities (mySociety, CC BY 4.0; shipped in data/) as reference data, safe to run again')
  .argument('[file]', 'a newer copy of mySociety’s uk_local_authorities_current.csv (default: the one shipped with coophub)')
  .action(async (file: string | undefined) => {
    const { runAuthoritiesImport, shippedAuthoritiesFile } = await referenceImporter()
    const result = await withDatabase((handle) => runAuthoritiesImport(handle.db, commandLineActor, file ?? shippedAuthoritiesFile, consoleOutput))
    if (!result) process.exitCode = 1
  })

const searchCommand = program.command('search').description('The search engines of running servers')
searchCommand
  .command('rebuild')
  .description('Have every running server read its search engine again, in the background (searches keep being answered meanwhile)')
  .option(
    '--database',
    'first recompute the search data the database keeps: vectors and facet keys of published case studies, and the words "did you mean" suggests',
  )
  .action(async (options: { database?: boolean }) => {
    const { runSearchRebuild } = await import('./features/search/rebuild-command.ts')
    const progress = (done: number) => console.log(`${done} published case studies recomputed`)
    await withDatabase((handle) => runSearchRebuild(handle.db, { database: options.database === true, progress }))
    console.log('Every running server reads its search engine again within a second or two.')
  })

const membershipCommand = program.command('membership').description('Membership: fees, figures, renewals and the daily reminders')
const membershipCli = () => import('./features/membership/cli/commands.ts')
membershipCommand
  .command('fee')
  .description('Print the annual fee of a tier under a year’s schedule, for a council from the register or for given figures')
  .requiredOption('--tier <tier>', 'full, associate, affiliate or supporter')
  .option('--council <code>', 'a council’s register code (its figures are used), such as MAN')
  .option('--population <n>', 'the population to price for, without --council')
  .option('--budget <pounds>', 'the controllable budget (revenue and capital) in pounds, without --council')
  .option('--year <year>', 'the subscription year by the year it starts in: 2026 is 2026/27 (default: the current one)')
  .option('--json', 'print one JSON object: {tier, year, amount, currency, band, schedule}')
  .action(async (options: { tier: string; council?: string; population?: string; budget?: string; year?: string; json?: boolean }, command: Command) => {
    const { feeCommand } = await membershipCli()
    const parsed = feeCommand.parseOptions(options, loadConfig())
    if (!parsed.ok) command.error(`error: ${parsed.message}`)
    const done = await withDatabase((handle) => feeCommand.run(handle.db, parsed.value))
    if (!done) process.exitCode = 1
  })
const feesCommand = membershipCommand.command('fees').description('The fee schedules, one per subscription year')
feesCommand
  .command('import')
  .description(
    'Load a year’s fee schedule from a JSON file (its format is in the README); a year loaded again gets a new version, and invoices already issued keep their amounts',
  )
  .argument('<file>', 'the JSON file, such as data/membership/example-fee-schedule.json')
  .action(async (file: string) => {
    const { feesImport } = await membershipCli()
    const done = await withDatabase((handle) => feesImport(handle.db, commandLineActor, file))
    if (!done) process.exitCode = 1
  })

const figuresCommand = membershipCommand.command('figures').description('Councils’ population and controllable budget, with their year and source')
figuresCommand
  .command('import')
  .description('Load councils’ figures from a CSV file (columns in the README); the whole file is checked first, and nothing is imported if any row is wrong')
  .argument('<file>', 'the CSV file: code,population,population_year,population_source,budget_pounds,budget_year,budget_source')
  .action(async (file: string) => {
    const { figuresImport } = await membershipCli()
    const done = await withDatabase((handle) => figuresImport(handle.db, commandLineActor, file))
    if (!done) process.exitCode = 1
  })

membershipCommand
  .command('renew')
  .description(
    'The renewal run: before the year starts, renewal notices (Full councils get a link to give a purchase-order number); from its first day, the invoices. Safe to run again: nothing is sent or issued twice',
  )
  .requiredOption('--year <year>', 'the subscription year to renew for, by the year it starts in: 2027 is 2027/28')
  .option('--date <YYYY-MM-DD>', 'run as on this day (default: today in London)')
  .option('--dry-run', 'say what would be sent or issued, storing and sending nothing')
  .option('--json', 'one JSON object per member per line: {organisation, tier, year, amount, currency, poNumber, status}')
  .action(async (options: { year: string; date?: string; dryRun?: boolean; json?: boolean }, command: Command) => {
    const config = loadConfig()
    const { parseYear, parseDate, renew } = await membershipCli()
    const year = parseYear(options.year, config)
    if (!year.ok) command.error(`error: ${year.message}`)
    const date = parseDate(options.date)
    if (!date.ok) command.error(`error: ${date.message}`)
    const done = await withDatabase((handle) =>
      renew(handle.db, config, { year: year.value, date: date.value, dryRun: options.dryRun === true, json: options.json === true }),
    )
    if (!done) process.exitCode = 1
  })
membershipCommand
  .command('run-daily')
  .description(
    'The daily membership job by hand: statuses worked out, reminders sent, renewal invoices issued once the year has begun; safe to run again for the same day',
  )
  .option('--date <YYYY-MM-DD>', 'run as on this day, to catch up after an outage (default: today in London)')
  .action(async (options: { date?: string }, command: Command) => {
    const config = loadConfig()
    const { parseDate, runDailyByHand } = await membershipCli()
    const date = parseDate(options.date)
    if (!date.ok) command.error(`error: ${date.message}`)
    await withDatabase((handle) => runDailyByHand(handle.db, config, date.value))
  })
program
  .command('projects')
  .description('Projects: the reports their leads owe')
  .command('reminders')
  .description('The daily report reminders by hand ("due soon" 14 days before, "overdue" after); each goes once per report, so it is safe to run again')
  .option('--date <YYYY-MM-DD>', 'run as on this day, to catch up after an outage (default: today in London)')
  .action(async (options: { date?: string }, command: Command) => {
    const config = loadConfig()
    const { parseDate } = await membershipCli()
    const date = parseDate(options.date)
    if (!date.ok) command.error(`error: ${date.message}`)
    const { runRemindersByHand } = await import('./features/projects/cli/reminders-command.ts')
    await withDatabase((handle) => runRemindersByHand(handle.db, config, date.value))
  })
program
  .command('pack')
  .description('The annual case-study pack: a tagged PDF (and its HTML edition) of the published case studies of a year or dates')
  .option('--year <YYYY>', 'the year of the work', (value: string) => {
    if (!/^\d{4}$/.test(value)) throw new InvalidArgumentError('a year as YYYY')
    return Number(value)
  })
  .option('--from <YYYY-MM-DD>', 'with --to: the first day of a period instead of a year')
  .option('--to <YYYY-MM-DD>', 'with --from: the last day of the period')
  .option('--out <file>', 'the PDF to write (default: pack-<year>.pdf)')
  .option('--html-dir <dir>', 'also write the HTML edition (index.html) to this folder')
  .addOption(new Option('--lang <language>', 'the language of the pack').choices(['en', 'cy']).default('en'))
  .addOption(new Option('--kind <kinds...>', 'the kinds of work to include (default: all)').choices(['case-studies', 'policy-labs', 'affiliate-pieces']))
  .addOption(new Option('--order <order>', 'how case studies are grouped').choices(['council', 'principle', 'region']).default('council'))
  .option('--title <title>', 'the title on the cover and in the metadata')
  .option('--cover <file>', 'a PNG or JPEG image for the cover (under 2 MB); needs --cover-alt')
  .option('--cover-alt <text>', 'with --cover: the image described for people who cannot see it')
  .action(
    async (options: {
      year?: number
      from?: string
      to?: string
      out?: string
      htmlDir?: string
      lang: 'en' | 'cy'
      kind?: Array<'case-studies' | 'policy-labs' | 'affiliate-pieces'>
      order: 'council' | 'principle' | 'region'
      title?: string
      cover?: string
      coverAlt?: string
    }) => {
      const config = loadConfig()
      const { runPackCommand } = await import('./features/publications/cli/pack-command.ts')
      process.exitCode = await withDatabase((handle) => runPackCommand(handle.db, config, { ...options, kinds: options.kind ?? [] }, consoleOutput))
    },
  )
const pbCommand = program.command('pb').description('Participatory budgeting: count votes from pabulib .pb files (needs no database)')
pbCommand
  .command('count')
  .description('Count a participatory-budgeting vote in the pabulib .pb format and print the funded projects')
  .argument('<file>', 'the .pb file')
  .addOption(new Option('--rule <rule>', 'the counting rule').choices(['greedy', 'equal-shares']).makeOptionMandatory())
  .addOption(new Option('--completion <completion>', 'with equal-shares: how to complete its outcome').choices(['none', 'add1']).default('none'))
  .option('--compare-with-greedy', 'with equal-shares: publish the greedy outcome instead when more voters prefer it')
  .option('--step <units>', 'with add1: raise the shares by this many whole currency units at a time (default 1)', (value: string) => {
    if (!/^[1-9]\d*$/.test(value)) throw new InvalidArgumentError('a whole number of currency units, at least 1')
    return BigInt(value)
  })
  .option('--json', 'print one JSON object: {"rule","completion","budget","cost","winners"}')
  .showHelpAfterError(false)
  .action(
    async (
      file: string,
      options: { rule: 'greedy' | 'equal-shares'; completion: 'none' | 'add1'; compareWithGreedy?: boolean; step?: bigint; json?: boolean },
    ) => {
      const { runPbCount } = await import('./features/participatory-budgeting/cli/pb-count-command.ts')
      process.exitCode = await runPbCount(file, {
        rule: options.rule,
        completion: options.completion,
        compareWithGreedy: options.compareWithGreedy === true,
        ...(options.step === undefined ? {} : { step: options.step }),
        json: options.json === true,
      })
    },
  )

program
  .command('build-assets')
  .description('Compile the stylesheet (serve does this when it is missing or stale)')
  .action(async () => {
    const { buildAssets } = await import('./web/assets.ts')
    await buildAssets({ force: true })
    console.log('Stylesheet built.')
  })

try {
  await program.parseAsync(process.argv)
} catch (error) {
  if (error instanceof ConfigError || error instanceof DataDirLockedError || error instanceof ServerSchemaBehindError) {
    console.error(error.message)
    process.exit(2)
  }
  if (error instanceof CommanderError) process.exit(error.exitCode)
  console.error(error instanceof Error ? (error.stack ?? error.message) : error)
  process.exit(1)
}
