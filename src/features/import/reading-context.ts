// The reading context: everything readDocument needs from the database, indexed once so that
// reading a document costs microseconds rather than a scan of every principle and authority.

import { buildOrganisationIndex } from './organisation-index.ts'
import type { OrganisationIndex } from './organisation-index.ts'
import { buildPrincipleIndex } from './principle-index.ts'
import type { PrincipleIndex } from './principle-index.ts'
import type { AuthorityInput, MemberInput, PrincipleInput } from './types.ts'

export interface ReadingContextInput {
  principles: readonly PrincipleInput[]
  members: readonly MemberInput[]
  authorities: readonly AuthorityInput[]
}

export interface ReadingContext {
  readonly principles: PrincipleIndex
  readonly organisations: OrganisationIndex
}

export function buildReadingContext(input: ReadingContextInput): ReadingContext {
  return {
    principles: buildPrincipleIndex(input.principles),
    organisations: buildOrganisationIndex(input.members, input.authorities),
  }
}
