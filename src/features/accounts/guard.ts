import type { FastifyRequest } from 'fastify'
import { ForbiddenError, SignInRequiredError } from '../../errors.ts'
import type { Actor } from './actor.ts'

/** The signed-in person, or a redirect to sign in that comes back here. */
export function requireUser(request: FastifyRequest): Actor {
  if (!request.user) throw new SignInRequiredError(request.method === 'GET' ? request.url : '/dashboard')
  return request.user
}

/** One line in each route: `authorize(canEdit(actor, caseStudy))`. */
export function authorize(allowed: boolean): void {
  if (!allowed) throw new ForbiddenError()
}
