import { Command, CommanderError } from 'commander'
import { ConfigError, loadConfig } from './config.ts'
import { migrateDatabase, openDatabase } from './db/client.ts'
import { DataDirLockedError } from './db/embedded.ts'
import { loadDemoContent } from './features/demo/load-demo-content.ts'
import { databaseTarget, describeDatabase, startServer } from './server.ts'
import { buildAssets } from './web/assets.ts'

async function withDatabase<T>(work: (handle: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const config = loadConfig()
  const handle = await openDatabase(databaseTarget(config))
  try {
    await migrateDatabase(handle.db)
    return await work(handle)
  } finally {
    await handle.close()
  }
}

const program = new Command()
  .name('coophub')
  .description('The web platform of a network of co-operative councils.')
  .showHelpAfterError()

program
  .command('serve', { isDefault: true })
  .description('Serve the website (migrates the database first; loads the demo into an empty one)')
  .action(async () => {
    await startServer(loadConfig())
  })

program
  .command('migrate')
  .description('Apply the database migrations and exit')
  .action(async () => {
    await withDatabase(async () => undefined)
    console.log(`Migrations applied to ${describeDatabase(loadConfig())}.`)
  })

program
  .command('demo')
  .description('Load the demo principles, members and case studies (safe to run again: it updates them)')
  .action(async () => {
    const counts = await withDatabase((handle) =>
      loadDemoContent(handle.db, (done, total) => {
        if (process.stdout.isTTY) process.stdout.write(`\rLoading case studies: ${done}/${total}`)
      }),
    )
    if (process.stdout.isTTY) process.stdout.write('\n')
    console.log(`Demo content loaded: ${counts.principles} principles, ${counts.organisations} organisations, ${counts.caseStudies} case studies.`)
  })

program
  .command('build-assets')
  .description('Compile the stylesheet (serve does this when it is missing or stale)')
  .action(async () => {
    await buildAssets({ force: true })
    console.log('Stylesheet built.')
  })

try {
  await program.parseAsync(process.argv)
} catch (error) {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    console.error(error.message)
    process.exit(2)
  }
  if (error instanceof CommanderError) process.exit(error.exitCode)
  console.error(error instanceof Error ? (error.stack ?? error.message) : error)
  process.exit(1)
}
