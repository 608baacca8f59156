import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { closeRefusal, isLatestReport, isReportEditable, nextReportDue } from './closing.ts'

type Report = { kind: 'progress' | 'final'; dueOn: string; submitted: boolean }
const progress = (dueOn: string, submitted: boolean): Report => ({ kind: 'progress', dueOn, submitted })
const final = (submitted: boolean): Report => ({ kind: 'final', dueOn: '2028-05-31', submitted })

describe('closing a project', () => {
  it('asks for the final report first', () => {
    const table: Array<[string, 'underway' | 'closed', Report[], string | null]> = [
      ['no report submitted', 'underway', [progress('2027-01-01', false), final(false)], 'projects.close.needsFinalReport'],
      ['only progress reports submitted', 'underway', [progress('2027-01-01', true), final(false)], 'projects.close.needsFinalReport'],
      ['the final report submitted', 'underway', [progress('2027-01-01', false), final(true)], null],
      ['already closed', 'closed', [final(true)], 'projects.close.alreadyClosed'],
    ]
    for (const [name, status, reports, expected] of table) assert.equal(closeRefusal({ status }, reports), expected, name)
  })

  it('keeps a submitted report, and every report of a closed project, as it is', () => {
    assert.equal(isReportEditable({ status: 'underway' }, { submitted: false }), true)
    assert.equal(isReportEditable({ status: 'underway' }, { submitted: true }), false)
    assert.equal(isReportEditable({ status: 'closed' }, { submitted: false }), false)
  })

  it('moves the milestones only with the latest report', () => {
    assert.equal(isLatestReport({ dueOn: '2027-01-01' }, [progress('2026-07-01', true), progress('2027-07-01', false)]), true)
    assert.equal(isLatestReport({ dueOn: '2027-01-01' }, [progress('2027-07-01', true)]), false)
  })

  it('finds the report owed next', () => {
    assert.equal(nextReportDue([progress('2027-07-01', false), progress('2027-01-01', true), progress('2027-04-01', false)])?.dueOn, '2027-04-01')
    assert.equal(nextReportDue([progress('2027-01-01', true)]), null)
  })
})
