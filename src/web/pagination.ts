export interface PaginationModel {
  previous?: { href: string }
  next?: { href: string }
  items: Array<{ number?: number; href?: string; current?: boolean; ellipsis?: boolean }>
}

/** The govukPagination model: first, last, and the pages around the current one. */
export function paginationModel(page: number, totalPages: number, hrefFor: (page: number) => string): PaginationModel {
  const items: PaginationModel['items'] = []
  let last = 0
  for (let n = 1; n <= totalPages; n++) {
    if (n === 1 || n === totalPages || Math.abs(n - page) <= 1) {
      if (n - last > 1) items.push({ ellipsis: true })
      items.push({ number: n, href: hrefFor(n), current: n === page })
      last = n
    }
  }
  return {
    ...(page > 1 && page <= totalPages ? { previous: { href: hrefFor(page - 1) } } : {}),
    ...(page < totalPages ? { next: { href: hrefFor(page + 1) } } : {}),
    items,
  }
}

/** The model with govuk-frontend's words in the page's language ("Previous", "Next", "Page 2"). */
export function localisePagination(
  model: PaginationModel,
  govuk: { pagination: { landmarkLabel: string; previousHtml: string; nextHtml: string } },
  t: (key: string, values?: Record<string, number>) => string,
) {
  return {
    ...model,
    landmarkLabel: govuk.pagination.landmarkLabel,
    ...(model.previous ? { previous: { ...model.previous, html: govuk.pagination.previousHtml } } : {}),
    ...(model.next ? { next: { ...model.next, html: govuk.pagination.nextHtml } } : {}),
    items: model.items.map((item) => (item.number === undefined ? item : { ...item, visuallyHiddenText: t('govuk.pagination.page', { number: item.number }) })),
  }
}
