// Pure rules for accounts: addresses, passwords, lock-outs, token lifetimes.
import { createRequire } from 'node:module'
import type { FieldError } from '../../lib/result.ts'

export const passwordMinLength = 12
export const passwordMaxLength = 256
/** Password-reset requests per 15 minutes, counted per IP address and per email address. */
export const attemptWindow = '15 minutes'
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

/**
 * The password rules, as the form and the README state them: 12 characters or more (256 at most),
 * not one of the 49,000 most common passwords, and not containing the person's own email address.
 * Length and a deny-list, not character-class rules, as the NCSC advises. The sentence the forms
 * show, as a catalogue message and its values.
 */
export const passwordRules = { key: 'accounts.password.rules', values: { min: passwordMinLength } } as const

/** What is wrong with a new password: a catalogue key and its values. */
export type PasswordProblem = Pick<FieldError, 'message' | 'values'>

let common: Set<string> | undefined
/** The common-passwords list (zxcvbn-ts, MIT), read at the first check rather than at start-up. */
function commonPasswords(): Set<string> {
  if (!common) {
    const list = createRequire(import.meta.url)('@zxcvbn-ts/language-common') as { dictionary: Record<string, string[]> }
    common = new Set(list.dictionary['passwords-common'] ?? [])
  }
  return common
}

/** The message for an unacceptable new password, or null. */
export function passwordProblem(password: string, context: { email?: string } = {}): PasswordProblem | null {
  if (password.length === 0) return { message: 'accounts.password.errorRequired' }
  if (password.length < passwordMinLength) return { message: 'accounts.password.errorTooShort', values: { min: passwordMinLength } }
  if (password.length > passwordMaxLength) return { message: 'accounts.password.errorTooLong', values: { max: passwordMaxLength } }
  const lower = password.toLowerCase()
  if (/^(.)\1+$/.test(password)) return { message: 'accounts.password.errorRepeated' }
  if (commonPasswords().has(lower)) return { message: 'accounts.password.errorCommon' }
  if (context.email && lower.includes(context.email.toLowerCase())) return { message: 'accounts.password.errorContainsEmail' }
  return null
}

/**
 * Failed sign-ins are counted three ways: for an account from one address (someone guessing, or
 * forgetting), for an account from anywhere (guesses spread over many addresses), and for an
 * address whatever the account (one machine trying many accounts). Only failures count and a
 * success clears its account's counts. Past a few free failures each further one makes the next
 * attempt wait, doubling up to a ceiling: guessing slows to a crawl, while the owner of an account
 * someone else is guessing at, signing in from their own address, waits a minute at most.
 */
export type FailureScope = 'account-address' | 'account' | 'address'

const freeFailures: Record<FailureScope, number> = { 'account-address': 5, account: 20, address: 30 }
const longestWaitSeconds: Record<FailureScope, number> = { 'account-address': 300, account: 60, address: 300 }
/** Failures are forgotten this long after the latest one. */
export const failureMemoryMinutes = 15

/** How long the next attempt must wait after the latest of `failures` failures. */
export function signInDelaySeconds(scope: FailureScope, failures: number): number {
  const over = failures - freeFailures[scope]
  return over <= 0 ? 0 : Math.min(longestWaitSeconds[scope], 2 ** (over - 1))
}

/** Seconds still to wait now (0: go ahead), given a scope's count and the time of its latest failure. */
export function secondsToWait(scope: FailureScope, failures: number, lastFailureAt: Date, now: Date): number {
  const since = (now.getTime() - lastFailureAt.getTime()) / 1000
  if (since >= failureMemoryMinutes * 60) return 0
  return Math.max(0, Math.ceil(signInDelaySeconds(scope, failures) - since))
}

/** The counters an attempt for this address and this account is kept under. */
export function failureKeys(email: string, address: string): Record<FailureScope, string> {
  const account = normaliseEmail(email).slice(0, 320)
  return { 'account-address': `account-address:${account} ${address}`, account: `account:${account}`, address: `address:${address}` }
}

/**
 * Only a path on this site: one "/" then anything but another "/" or a backslash, and no control
 * characters, spaces or backslashes anywhere. Browsers drop tabs and newlines and read a backslash
 * as "/", so "/<tab>/evil.example" leads to another site. Encoded control characters, and an
 * encoded slash or backslash straight after the first slash, are refused too.
 */
export function safeNextPath(next: unknown): string {
  const fallback = '/dashboard'
  if (typeof next !== 'string' || next.length === 0 || next.length > 500) return fallback
  if (next !== '/' && !/^\/[^/\\]/.test(next)) return fallback
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007f-\u009f\\]/.test(next)) return fallback
  if (/%(?:[01][0-9a-f]|7f)/i.test(next) || /^\/%(?:2f|5c)/i.test(next)) return fallback
  // A Location header holds ASCII only: other characters (a search for "café") travel encoded.
  try {
    return next.replace(/[^\u0021-\u007e]+/gu, (chars) => encodeURIComponent(chars))
  } catch {
    return fallback // a lone surrogate cannot be encoded
  }
}
