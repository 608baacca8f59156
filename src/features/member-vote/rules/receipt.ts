// Receipt codes: the key of a secret ballot, and the voter's way to find it among the published
// ballots. Random (never a serial or a time), read aloud or typed without confusing O with 0 or
// I with 1, and checked by the database's own rule (^[A-Z0-9-]{8,40}$).
import { randomBytes } from 'node:crypto'

/** 32 letters and digits: no 0, O, 1 or I. 256 is a multiple of 32, so every byte maps evenly. */
export const receiptAlphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
const groups = 4
const groupLength = 4

/** A new receipt code, like "K7QM-2XHD-W9PA-TC4N": 80 bits of randomness. */
export function newReceiptCode(random: (size: number) => Uint8Array = randomBytes): string {
  const bytes = random(groups * groupLength)
  const chars = Array.from(bytes, (b) => receiptAlphabet[b % receiptAlphabet.length])
  return Array.from({ length: groups }, (_, g) => chars.slice(g * groupLength, (g + 1) * groupLength).join('')).join('-')
}

/**
 * A receipt code as typed ("k7qm 2xhd-w9pa tc4n": any case, spaces or dashes anywhere) in the
 * published form, or null when it cannot be one.
 */
export function normaliseReceiptCode(typed: string): string | null {
  const chars = typed.toUpperCase().replace(/[\s-]/g, '')
  if (chars.length !== groups * groupLength) return null
  if ([...chars].some((c) => !receiptAlphabet.includes(c))) return null
  return Array.from({ length: groups }, (_, g) => chars.slice(g * groupLength, (g + 1) * groupLength)).join('-')
}
