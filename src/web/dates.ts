/** A date and time in the UK, like "3 Mar 2025, 14:05". */
export function dateTime(d: Date | null): string {
  if (!d) return ''
  return d.toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' })
}
