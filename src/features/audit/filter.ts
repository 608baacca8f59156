// The audit log's querystring, read by a pure function that never throws: anything it cannot
// use is left out, so a hand-edited or truncated address still shows a page.

export interface AuditFilter {
  action: string | null
  subjectType: string | null
  page: number
}

const codePattern = /^[a-z][a-z0-9-]{0,59}$/

function first(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value
}

/** An action or subject type such as `user-created` or `case-study`; anything else means "all". */
function code(value: unknown): string | null {
  const v = first(value)
  return typeof v === 'string' && codePattern.test(v) ? v : null
}

function page(value: unknown): number {
  const v = first(value)
  if (typeof v !== 'string' || !/^[1-9][0-9]{0,4}$/.test(v)) return 1
  return Number(v)
}

export function parseAuditFilter(query: unknown): AuditFilter {
  const q = query && typeof query === 'object' ? (query as Record<string, unknown>) : {}
  return { action: code(q.action), subjectType: code(q.subject), page: page(q.page) }
}

/** The address of a page of the log with this filter. */
export function auditFilterHref(filter: AuditFilter, pageNumber = filter.page): string {
  const params = new URLSearchParams()
  if (filter.action) params.set('action', filter.action)
  if (filter.subjectType) params.set('subject', filter.subjectType)
  if (pageNumber > 1) params.set('page', String(pageNumber))
  const query = params.toString()
  return `/admin/audit${query ? `?${query}` : ''}`
}
