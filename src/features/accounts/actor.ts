import type { Role } from '../../db/schema/enums.ts'

/** The signed-in person a request acts for; policies decide on this alone. */
export interface Actor {
  id: number
  email: string
  name: string
  role: Role
  organisationId: number | null
}

/** For writes done outside a web request (the command line, imports). */
export const commandLineActor = { id: null, label: 'command line' } as const

export type AuditActor = { id: number | null; label: string }

export function auditActor(actor: Actor | null): AuditActor {
  return actor ? { id: actor.id, label: actor.email } : commandLineActor
}
