import type { FastifyRequest } from 'fastify'
import type { Actor } from './actor.ts'

/** Thrown for an anonymous request to a page that needs an account: the error handler redirects to sign in. */
export class SignInRequiredError extends Error {
  readonly statusCode = 401
  constructor(readonly returnTo: string) {
    super('Sign in to continue')
    this.name = 'SignInRequiredError'
  }
}

export class ForbiddenError extends Error {
  readonly statusCode = 403
  constructor(message = 'You do not have permission to do that') {
    super(message)
    this.name = 'ForbiddenError'
  }
}

/** The signed-in person, or a redirect to sign in that comes back here. */
export function requireUser(request: FastifyRequest): Actor {
  if (!request.user) throw new SignInRequiredError(request.method === 'GET' ? request.url : '/dashboard')
  return request.user
}

/** One line in each route: `authorize(canEdit(actor, caseStudy))`. */
export function authorize(allowed: boolean): void {
  if (!allowed) throw new ForbiddenError()
}
