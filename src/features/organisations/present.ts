export function placeLabel(o: { region: string | null; nation: string | null }): string {
  if (o.region && o.nation && o.region !== o.nation) return `${o.region}, ${o.nation}`
  return o.region ?? o.nation ?? ''
}

/** Only http(s) addresses become links; anything else stored is shown as text. */
export function safeWebsite(url: string | null): string | null {
  if (!url) return null
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null
  } catch {
    return null
  }
}

/** What each role in a case study is called on an organisation's page: catalogue keys. */
export const roleHeadings = {
  lead: 'organisations.show.role.lead',
  participant: 'organisations.show.role.participant',
  partner: 'organisations.show.role.partner',
  funder: 'organisations.show.role.funder',
} as const
