// The import feature's public API: pure reading of case-study documents (no I/O here; the
// command line and the upload route read files and write drafts).

export { toDryRunJson } from './dry-run.ts';
export type { DryRunJson } from './dry-run.ts';
export { extractText, MAX_FILE_BYTES } from './extract-text.ts';
export { parseAuthoritiesCsv } from './parse-authorities-csv.ts';
export type { AuthorityRow } from './parse-authorities-csv.ts';
export { parsePrinciplesJson } from './parse-principles-json.ts';
export type { PrincipleRow } from './parse-principles-json.ts';
export { readDocument } from './read-document.ts';
export { buildReadingContext } from './reading-context.ts';
export type { ReadingContext, ReadingContextInput } from './reading-context.ts';
export type * from './types.ts';
