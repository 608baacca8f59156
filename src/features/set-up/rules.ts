// Pure rules of the first-run set-up: the shape of its link's token and what start-up says.

/** 32 random bytes in base64url: 43 characters of A–Z, a–z, 0–9, "-" and "_". */
export const setUpTokenPattern = /^[A-Za-z0-9_-]{43}$/

export function looksLikeSetUpToken(token: unknown): token is string {
  return typeof token === 'string' && setUpTokenPattern.test(token)
}

export function setUpPath(token: string): string {
  return `/set-up/${token}`
}

/**
 * The address people open the site at, as start-up can know it: PUBLIC_URL when set, else the
 * address the server listens on ("localhost" for every interface), never with a trailing slash.
 */
export function siteUrlAtStart(config: { publicUrl: string | undefined; host: string }, port: number): string {
  if (config.publicUrl) return config.publicUrl.replace(/\/+$/, '')
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host.includes(':') ? `[${config.host}]` : config.host
  return `http://${host}:${port}`
}

export interface SetUpNotice {
  /** The structured log's message. */
  log: string
  /** Plain lines for the console, set apart so they stand out among the log's JSON. */
  lines: string[]
}

/**
 * What start-up says about the first administrator: nothing once one exists; otherwise the
 * one-time link, which works in this process only, until someone uses it or an administrator is
 * made another way.
 */
export function setUpNotice(state: { administratorExists: boolean; siteUrl: string; token: string | null }): SetUpNotice | null {
  if (state.administratorExists || state.token === null) return null
  const link = `${state.siteUrl}${setUpPath(state.token)}`
  return {
    log: `No administrator account yet: create the first at ${link}`,
    lines: [
      '',
      'No administrator account exists yet. To create the first one, open this link in your browser:',
      '',
      `    ${link}`,
      '',
      'It works once, only while this server runs (a restart prints a new one), and not at all once an administrator exists.',
      'Or, from another terminal while the server runs: npx coophub users create --role admin --email … --name …',
      '',
    ],
  }
}
