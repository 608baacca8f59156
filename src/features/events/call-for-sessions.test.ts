import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Actor } from '../accounts/actor.ts'
import { callState, presentProposal, type CallFacts } from './call-for-sessions.ts'

const now = new Date('2026-05-10T12:00:00Z')
const call = (over: Partial<CallFacts> = {}): CallFacts => ({ slug: 'sessions', status: 'open', opensOn: '2026-05-01', closesOn: '2026-05-31', ...over })
const t = (key: string, values?: Record<string, unknown>) => `${key} ${String(values?.day ?? '')}`.trim()
const format = { date: (d: Date) => d.toISOString().slice(0, 10) } as Parameters<typeof callState>[1]
const officer = (organisationId: number): Actor => ({ id: organisationId * 10, email: 'o@example.org', name: 'O', role: 'officer', organisationId })
const proposal = {
  id: 1,
  title: 'A session',
  status: 'submitted' as const,
  leadOrganisationId: 1,
  createdByUserId: null,
  lead: 'Lead',
  backers: 2,
  backedByUs: false,
}

describe('the call for sessions on an event’s page', () => {
  it('says whether the call takes proposals, and until or from when', () => {
    const table: Array<[Partial<CallFacts>, boolean, string]> = [
      [{}, true, 'events.proposals.openUntil 2026-05-31'],
      [{ opensOn: '2026-05-20' }, false, 'events.proposals.opensOn 2026-05-20'],
      [{ closesOn: '2026-05-09' }, false, 'events.proposals.closed 2026-05-09'],
      [{ status: 'closed' }, false, 'events.proposals.closed 2026-05-31'],
    ]
    for (const [over, open, text] of table) assert.deepEqual(callState(t, format, call(over), now), { open, text }, JSON.stringify(over))
  })

  it('offers backing by the co-production rules: another member’s officer, once, while the call is open', () => {
    const table: Array<[string, Actor | null, Partial<typeof proposal>, Partial<CallFacts>, 'full' | 'none' | null, boolean, boolean]> = [
      ['another member', officer(2), {}, {}, 'full', true, false],
      ['nobody signed in', null, {}, {}, null, false, false],
      ['the lead', officer(1), {}, {}, 'full', false, false],
      ['not a member', officer(2), {}, {}, 'none', false, false],
      ['already backs it', officer(2), { backedByUs: true }, {}, 'full', false, true],
      ['backs it, call closed', officer(2), { backedByUs: true }, { closesOn: '2026-05-09' }, 'full', false, false],
      ['an administrator', { ...officer(2), role: 'admin' }, {}, {}, 'full', false, false],
    ]
    for (const [name, actor, over, callOver, tier, mayBack, mayWithdraw] of table) {
      const shown = presentProposal({ ...proposal, ...over }, call(callOver), actor, tier, now)
      assert.deepEqual([shown.mayBack, shown.mayWithdraw], [mayBack, mayWithdraw], name)
      assert.equal(shown.backers, 2)
    }
  })
})
