// Pure rules for accounts: addresses, passwords, lock-outs, token lifetimes.

export const passwordMinLength = 12
export const passwordMaxLength = 256
/** Sign-in and reset attempts per 15 minutes, counted per IP address and per email address. */
export const attemptWindow = '15 minutes'
export const signInAttemptsPerIp = 30
export const signInAttemptsPerAccount = 10
export const resetRequestsPerIp = 10
export const resetRequestsPerAccount = 3
export const resetTokenMinutes = 60
export const invitationTokenDays = 7
export const sessionDays = 14

export function normaliseEmail(raw: string): string {
  return raw.trim().toLowerCase()
}

/** Deliberately loose: the only real check of an address is the email that reaches it. */
export function isEmail(text: string): boolean {
  return text.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text)
}

/** The message for an unacceptable new password, or null. Length over rules, as NCSC advises. */
export function passwordProblem(password: string, context: { email?: string; name?: string } = {}): string | null {
  if (password.length === 0) return 'Enter a password'
  if (password.length < passwordMinLength) return `Password must be ${passwordMinLength} characters or more`
  if (password.length > passwordMaxLength) return `Password must be ${passwordMaxLength} characters or fewer`
  const lower = password.toLowerCase()
  if (context.email && lower.includes(context.email.split('@')[0]!.toLowerCase()) && context.email.split('@')[0]!.length >= 4) {
    return 'Password must not contain your email address'
  }
  if (/^(.)\1+$/.test(password)) return 'Password must not be one character repeated'
  return null
}

/** Only same-site paths: a sign-in link must not send people to another site. */
export function safeNextPath(next: unknown): string {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/dashboard'
  if (next.length > 500 || /[\r\n]/.test(next)) return '/dashboard'
  return next
}
