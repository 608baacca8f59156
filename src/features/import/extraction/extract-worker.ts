// The extraction workers' entry: a file's bytes → its text (extract-text.ts), in a worker thread.

import { extractText } from '../extract-text.ts'
import { serveJobs } from './serve-jobs.ts'

export interface ExtractJob {
  bytes: Uint8Array
  fileName: string
}

serveJobs((input: ExtractJob) => extractText(input.bytes, input.fileName))
