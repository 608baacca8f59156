/** The largest document the importer reads, uploaded or from disk. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024
