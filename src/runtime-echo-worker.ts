// A worker for runtime.test.ts: answers with what it was given, from TypeScript.
import { parentPort, workerData } from 'node:worker_threads'

const given: unknown = workerData
parentPort?.postMessage({ given })
