/** A database the benchmark runs the app on, as the environment a server process gets. */
export interface DatabaseUnderTest {
  label: 'PGlite' | 'PostgreSQL'
  env: NodeJS.ProcessEnv
}

function baseEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, HOST: '127.0.0.1', LOG_LEVEL: 'warn', DEMO_CONTENT: 'true' }
  delete env.DATABASE_URL
  delete env.DATA_DIR
  return env
}

export function embeddedDatabase(dataDir: string): DatabaseUnderTest {
  return { label: 'PGlite', env: { ...baseEnv(), DATA_DIR: dataDir } }
}

export function serverDatabase(url: string): DatabaseUnderTest {
  return { label: 'PostgreSQL', env: { ...baseEnv(), DATABASE_URL: url } }
}
