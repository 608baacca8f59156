import { sql } from 'drizzle-orm'

/**
 * What a person typed as PostgreSQL's web-search query in the configuration the search vectors are
 * built with (migration 0004), for every feature that matches text against them.
 */
export const tsquery = (q: string) => sql`websearch_to_tsquery('english', ${q})`
