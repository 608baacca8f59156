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

/** What each role in a case study is called on an organisation's page. */
export const roleHeadings = {
  lead: 'Case studies it leads',
  participant: 'Case studies it takes part in',
  partner: 'Case studies it was a partner in',
  funder: 'Case studies it funded',
} as const
