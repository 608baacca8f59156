import { startWorker } from '../../runtime.ts'
import type { PackDocument } from './pack-document.ts'
import { PackTypesettingError, type PackPdf } from './pack-pdf.ts'

type Answer = { ok: true; bytes: Uint8Array; pages: number } | { ok: false; message: string }

/**
 * The pack's PDF, typeset in a worker thread of its own, so the site keeps answering while it is
 * made. One worker per pack: publishing is rare, and the worker's memory goes when it ends.
 */
export function typesetOffThread(document: PackDocument, cover: Uint8Array | null = null): Promise<PackPdf> {
  const worker = startWorker('features/publications/pack-pdf-worker.ts', { workerData: { document, cover } })
  return new Promise<PackPdf>((resolve, reject) => {
    worker.once('message', (answer: Answer) => {
      if (answer.ok) resolve({ bytes: Buffer.from(answer.bytes.buffer, answer.bytes.byteOffset, answer.bytes.byteLength), pages: answer.pages })
      else reject(new PackTypesettingError(answer.message))
    })
    worker.once('error', reject)
    worker.once('exit', (code) => reject(new PackTypesettingError(`The typesetting worker stopped (exit code ${code}).`)))
  }).finally(() => void worker.terminate())
}
