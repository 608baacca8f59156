import type { Role } from '../../db/schema/enums.ts'
import { commandLineActor, type AuditActor } from '../audit/record-audit.ts'

/** The signed-in person a request acts for; policies decide on this alone. */
export interface Actor {
  id: number
  email: string
  name: string
  role: Role
  organisationId: number | null
}

export { commandLineActor, type AuditActor }

/** How the audit log names the person: by account, with their email as it was then. */
export function auditActor(actor: Actor | null): AuditActor {
  return actor ? { id: actor.id, label: actor.email } : commandLineActor
}
