// Typesets one pack in a worker thread (see typeset-off-thread.ts): the compiler runs synchronously
// for a second or more, which on the web server's own thread would hold every other request.
import { parentPort, workerData } from 'node:worker_threads'
import type { PackDocument } from './pack-document.ts'
import { packPdf } from './pack-pdf.ts'

try {
  const { document, cover } = workerData as { document: PackDocument; cover: Uint8Array | null }
  const pdf = packPdf(document, new Date(), cover)
  parentPort!.postMessage({ ok: true, bytes: pdf.bytes, pages: pdf.pages })
} catch (error) {
  parentPort!.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) })
}
