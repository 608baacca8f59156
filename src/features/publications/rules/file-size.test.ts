import assert from 'node:assert/strict'
import { test } from 'node:test'
import { fileSize } from './file-size.ts'

test('sizes in kB below a megabyte, MB with one decimal above', () => {
  const cases: Array<[number, string]> = [
    [10, '1 kB'],
    [820_400, '820 kB'],
    [1_440_000, '1.4 MB'],
    [9_999_999, '10 MB'],
  ]
  for (const [bytes, text] of cases) assert.equal(fileSize(bytes, 'en'), text)
  assert.match(fileSize(1_440_000, 'cy'), /^1\.4\s?MB$/)
})
