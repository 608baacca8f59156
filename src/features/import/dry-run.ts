// The importer's dry-run output: a stable contract (keys and their order are fixed) that the
// command line prints and that tests and scripts compare against. New keys go at the end.

import type { Reading } from './types.ts'

export interface DryRunJson {
  file: string
  title: string | null
  principles: string[]
  leadMember: string | null
  participatingMembers: string[]
  year: number | null
  status: string | null
  contact: { name: string | null; jobTitle: string | null; organisation: string | null } | null
  councils: string[]
  authorities: string[]
  warnings: string[]
  /** Where the work stands in the programme (idea, bid, funded, in-progress, completed), or null. */
  stage: string | null
}

export function toDryRunJson(file: string, reading: Reading): DryRunJson {
  return {
    file,
    title: reading.title,
    principles: reading.principles.map((p) => p.shortName),
    leadMember: reading.leadMember,
    participatingMembers: [...reading.participatingMembers],
    year: reading.yearStart,
    status: reading.kind,
    contact: reading.contact ? { name: reading.contact.name, jobTitle: reading.contact.jobTitle, organisation: reading.contact.organisation } : null,
    councils: [...reading.councils],
    authorities: [...reading.authorities],
    warnings: reading.warnings.map((w) => `${w.field}: ${w.message}`),
    stage: reading.stage,
  }
}
