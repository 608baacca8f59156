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

  /** Ticks a facet value by its name; the label goes on with its count, "Innovation (3)". */
  async tickFacet(facet: string, name: string): Promise<void> {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
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
