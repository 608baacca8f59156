import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { parse } from 'csv-parse/sync'
import { translator } from '../../i18n/catalogue.ts'
import { csvCell, csvHeader, csvLine, csvRecord } from './csv.ts'
import { exportColumns, type ExportRecord } from './export-columns.ts'

const english = translator('en')

describe('csvCell', () => {
  const cases: Array<[string, string | number | null, string]> = [
    ['plain text, quoted', 'Allotments', '"Allotments"'],
    ['a comma', 'Leeds, Bradford', '"Leeds, Bradford"'],
    ['quotes doubled', 'The "good" council', '"The ""good"" council"'],
    ['line breaks kept inside the quotes', 'one\r\ntwo\nthree', '"one\r\ntwo\nthree"'],
    ['a number', 2024, '"2024"'],
    ['null as an empty cell', null, '""'],
    ['non-ASCII as is', 'Ynni Afonwen – £50 “shares”', '"Ynni Afonwen – £50 “shares”"'],
    ['= starts a formula', '=HYPERLINK("http://evil.example","click")', `"'=HYPERLINK(""http://evil.example"",""click"")"`],
    ['+ starts a formula', '+44 1632 960000', `"'+44 1632 960000"`],
    ['- starts a formula', '-2+3', `"'-2+3"`],
    ['@ starts a formula', '@SUM(A1)', `"'@SUM(A1)"`],
    ['a tab starts a formula', '\t=1', `"'\t=1"`],
    ['a carriage return starts a formula', '\r=1', `"'\r=1"`],
    ['= later in the text is fine', 'a = b', '"a = b"'],
  ]
  for (const [name, value, expected] of cases) {
    it(name, () => assert.equal(csvCell(value), expected))
  }
})

describe('CSV lines', () => {
  it('end with CRLF and separate cells with commas', () => {
    assert.equal(csvLine(['a', 1, null]), '"a","1",""\r\n')
  })

  it('start with a header of the documented columns', () => {
    assert.deepEqual(parse(csvHeader(english)), [exportColumns.map((c) => c.name)])
  })

  it('hold a record in column order, lists joined with "; ", readable by an RFC 4180 parser', () => {
    const record: ExportRecord = {
      slug: 's',
      url: 'https://x.example/case-studies/s',
      title: 'Title, with "quotes"\nand a line',
      summary: '=1+1',
      kind: 'project',
      year_start: 2021,
      year_end: null,
      lead_member: null,
      participating_members: ['A Council', 'B, C & D'],
      principles: ['One'],
      themes: [],
      published_at: '2024-01-02T00:00:00.000Z',
    }
    const [row] = parse(csvHeader(english) + csvRecord(record), { columns: true }) as Array<Record<string, string>>
    assert.deepEqual(row, {
      slug: 's',
      url: 'https://x.example/case-studies/s',
      title: 'Title, with "quotes"\nand a line',
      summary: "'=1+1",
      kind: 'project',
      year_start: '2021',
      year_end: '',
      lead_member: '',
      participating_members: 'A Council; B, C & D',
      principles: 'One',
      themes: '',
      published_at: '2024-01-02T00:00:00.000Z',
    })
  })
})
