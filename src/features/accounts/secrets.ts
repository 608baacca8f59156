import { createHash, randomBytes } from 'node:crypto'

// The native hashing library loads at the first sign-in or password set, not with the server.
const argon2 = () => import('@node-rs/argon2')

/** A random token for a cookie or an emailed link, and the hash we store instead of it. */
export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url')
  return { token, hash: hashToken(token) }
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

// argon2id with OWASP's recommended memory (19 MiB), 2 passes, 1 lane.
const argonOptions = { algorithm: 2 as const, memoryCost: 19_456, timeCost: 2, parallelism: 1 }

export async function hashPassword(password: string): Promise<string> {
  return (await argon2()).hash(password, argonOptions)
}

// A fixed hash to verify against when the account does not exist, so timing does not tell.
let dummyHash: Promise<string> | undefined

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (!passwordHash) {
    dummyHash ??= hashPassword('not a real password, only for timing')
    const { verify } = await argon2()
    await verify(await dummyHash, password).catch(() => false)
    return false
  }
  const { verify } = await argon2()
  return verify(passwordHash, password).catch(() => false)
}
