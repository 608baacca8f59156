import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { looksLikeSetUpToken } from './rules.ts'

declare module 'fastify' {
  interface FastifyInstance {
    /** The first-run set-up link of this process, while no administrator exists. */
    setUpLink: SetUpLink
  }
}

const digest = (token: string): Buffer => createHash('sha256').update(token).digest()

/**
 * The one-time link to create the first administrator. Only its hash is held, in this process's
 * memory: nothing about it is stored in the database, and each instance of a site on a shared
 * database prints its own. Issued at start-up while no administrator exists, forgotten once one
 * does.
 */
export class SetUpLink {
  private hash: Buffer | null = null

  /** A new token (any earlier one stops working); the caller prints it and keeps no copy. */
  issue(): string {
    const token = randomBytes(32).toString('base64url')
    this.hash = digest(token)
    return token
  }

  forget(): void {
    this.hash = null
  }

  get issued(): boolean {
    return this.hash !== null
  }

  /** Whether the token is this link's, compared in constant time; anything malformed is simply not. */
  matches(token: unknown): boolean {
    if (this.hash === null || !looksLikeSetUpToken(token)) return false
    return timingSafeEqual(digest(token), this.hash)
  }
}
