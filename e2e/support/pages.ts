import type { Page } from 'playwright-core'

/** Page object for /case-studies: the search box, the filters and the results. */
export class SearchPage {
  constructor(readonly page: Page) {}

  async open(baseUrl: string, query = ''): Promise<void> {
    await this.page.goto(`${baseUrl}/case-studies${query}`)
  }

  searchInput() {
    return this.page.locator('[data-qa="search-input"]')
  }

  async search(words: string): Promise<void> {
    await this.searchInput().fill(words)
    await this.page.locator('[data-qa="search-button"]').click()
  }

  /**
   * Opens the filters (a collapsed section on a phone), one facet's group, and the rest of its
   * values behind "Show more", as a person would to see them all.
   */
  async openFacet(facet: string): Promise<void> {
    const panel = this.page.locator('[data-qa="filter-panel"]')
    if ((await panel.getAttribute('open')) === null) await this.page.locator('[data-qa="filter-toggle"]').click()
    const name = facet.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    const group = this.page
      .locator('details.coophub-facet')
      .filter({ has: this.page.locator('summary', { hasText: new RegExp(`^${name}( \\(\\d+ chosen\\))?$`) }) })
    if ((await group.getAttribute('open')) === null) await group.locator('summary').first().click()
    const more = group.locator('details.coophub-more')
    if ((await more.count()) > 0 && (await more.getAttribute('open')) === null) await more.locator('summary').click()
  }

  /** Ticks a facet value by its name; the label goes on with its count, "Innovation (3)". */
  async tickFacet(facet: string, name: string): Promise<void> {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    await this.openFacet(facet)
    await this.page
      .getByRole('group', { name: facet, exact: true })
      .getByLabel(new RegExp(`^\\s*${escaped} \\([\\d,]+\\)\\s*$`))
      .check()
  }

  async tickPrinciple(name: string): Promise<void> {
    await this.tickFacet('Principle', name)
  }

  async applyFilters(): Promise<void> {
    await this.page.locator('[data-qa="apply-filters"]').click()
  }

  resultTitles() {
    return this.page.locator('[data-qa="case-study-result"] h3 a').allTextContents()
  }

  resultCount() {
    return this.page.locator('[data-qa="result-count"]').textContent()
  }
}
