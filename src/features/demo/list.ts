import { tierLabels } from '../../web/organisation-display.ts'
import { demoOrganisations } from './content/organisations.ts'

/** `coophub demo --list`: the demo organisations, a line each, slug first (what --organisation takes). */
export function demoOrganisationList(): string[] {
  const width = Math.max(...demoOrganisations.map((o) => o.slug.length))
  return [
    'The demo organisations (slug, name, membership); an officer account names its organisation by slug:',
    '',
    ...demoOrganisations.map((o) => `${o.slug.padEnd(width)}  ${o.name} (${tierLabels[o.tier]})`),
  ]
}
