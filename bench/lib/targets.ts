/** A database the benchmark runs the app on, as the environment a server process gets. */
export interface DatabaseUnderTest {
  label: 'PGlite' | 'PostgreSQL'
  env: NodeJS.ProcessEnv
}

function baseEnv(): NodeJS.ProcessEnv {
  // Set but empty ("not set"), so that a developer's .env cannot fill them in.
  return { ...process.env, HOST: '127.0.0.1', LOG_LEVEL: 'warn', DEMO_CONTENT: 'true', DATABASE_URL: '', DATA_DIR: '' }
}

export function embeddedDatabase(dataDir: string): DatabaseUnderTest {
  return { label: 'PGlite', env: { ...baseEnv(), DATA_DIR: dataDir } }
}

export function serverDatabase(url: string): DatabaseUnderTest {
  return { label: 'PostgreSQL', env: { ...baseEnv(), DATABASE_URL: url } }
}
