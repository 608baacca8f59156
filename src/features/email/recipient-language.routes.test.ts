// Every email in its recipient's language (users.language): the words, the numbers and the links.
import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { eq, inArray } from 'drizzle-orm'
import { describeEachDatabase } from '../../../test/app.ts'
import { Agent, signedInAgent } from '../../../test/agent.ts'
import { buildCaseStudy, buildOrganisation } from '../../../test/factories.ts'
import { englishOn } from '../../../test/welsh.ts'
import { caseStudies, emails, users } from '../../db/schema/index.ts'
import { inTransaction } from '../../db/unit-of-work.ts'
import type { Locale } from '../../i18n/locales.ts'
import { createUser } from '../accounts/commands/create-user.ts'
import { resendInvitation } from '../accounts/commands/resend-invitation.ts'
import { submitCaseStudy } from '../case-studies/commands/submit-case-study.ts'
import { requestChanges } from '../review/commands/request-changes.ts'
import { queueSubmissionDigests } from '../review/submission-digest.ts'

describeEachDatabase('emails in the recipient’s language', (get) => {
  const people: Record<string, { id: number; email: string }> = {}
  let homeId = 0

  const person = async (name: string, role: 'editor' | 'officer', language: Locale) => {
    const { userId, email } = await signedInAgent(get().app, get().handle.db, role, role === 'officer' ? 'home-council' : '')
    await get().handle.db.update(users).set({ language }).where(eq(users.id, userId))
    people[name] = { id: userId, email }
  }

  before(async () => {
    homeId = (await buildOrganisation(get().handle.db, { slug: 'home-council', name: 'Home Council' })).id
    await person('welshEditor', 'editor', 'cy')
    await person('englishEditor', 'editor', 'en')
    await person('welshOfficer', 'officer', 'cy')
    await person('englishOfficer', 'officer', 'en')
  })

  const latestTo = async (name: string) =>
    (await get().handle.db.select().from(emails).where(eq(emails.toAddress, people[name]!.email)).orderBy(emails.id)).at(-1)!

  /** A Welsh email: no English sentence of the catalogue, and links to Welsh pages. */
  const isWelsh = (email: { subject: string; bodyText: string }, subject: RegExp) => {
    assert.match(email.subject, subject)
    assert.deepEqual(englishOn(`${email.subject}\n${email.bodyText}`), [], email.bodyText)
    assert.match(email.bodyText, /^Helo /)
    for (const [link] of email.bodyText.matchAll(/https?:\/\/\S+/g)) assert.match(link, /^https?:\/\/[^/]+\/cy\//, link)
  }
  const isEnglish = (email: { subject: string; bodyText: string }, subject: RegExp) => {
    assert.match(email.subject, subject)
    assert.match(email.bodyText, /^Hello /)
    assert.doesNotMatch(email.bodyText, /\/cy\//)
  }

  it('sends a password reset link in Welsh to a Welsh reader, in English to an English one', async () => {
    for (const name of ['welshOfficer', 'englishOfficer']) {
      const res = await new Agent(get().app).post('/password-reset', { email: people[name]!.email })
      assert.equal(res.statusCode, 200)
    }
    const welsh = await latestTo('welshOfficer')
    isWelsh(welsh, /^Ailosod eich cyfrinair ar gyfer /)
    assert.match(welsh.bodyText, /cyn pen 60 munud/)
    assert.match(welsh.bodyText, /\/cy\/account\/set-password\/[A-Za-z0-9_-]+/)
    isEnglish(await latestTo('englishOfficer'), /^Reset your password for /)
  })

  it('sends a new invitation in the invited person’s language', async () => {
    const { handle } = get()
    const created = await inTransaction(handle.db, (tx) =>
      createUser(
        tx,
        { id: null, label: 'test' },
        { email: 'invited@example.org', name: 'Invited', role: 'editor', organisation: '', baseUrl: 'http://localhost', networkName: 'Test' },
      ),
    )
    assert.ok(created.ok)
    const [first] = await handle.db.select().from(emails).where(eq(emails.toAddress, 'invited@example.org'))
    isEnglish(first!, /^You are invited to Test$/)
    await handle.db.update(users).set({ language: 'cy' }).where(eq(users.id, created.value.userId))
    const resent = await inTransaction(handle.db, (tx) =>
      resendInvitation(tx, { id: null, label: 'test' }, { id: created.value.userId, baseUrl: 'http://localhost', networkName: 'Test' }),
    )
    assert.ok(resent.ok)
    const [again] = await handle.db.select().from(emails).where(inArray(emails.id, resent.value.emailIds))
    isWelsh(again!, /^Eich gwahoddiad i Test$/)
    assert.match(again!.bodyText, /cyn pen 7 diwrnod/)
  })

  it('tells each editor of a submission, and sends the hourly digest, in their own language', async () => {
    const { handle } = get()
    const study = await buildCaseStudy(handle.db, { slug: 'submitted-one', title: 'Submitted one', leadId: homeId, status: 'draft' })
    const submitted = await inTransaction(handle.db, (tx) =>
      submitCaseStudy(
        tx,
        { id: people.welshOfficer!.id, label: 'officer' },
        { caseStudyId: study.id, revision: 1, reviewUrl: 'http://localhost/admin/review/submitted-one', networkName: 'Test', submitterName: 'Officer' },
      ),
    )
    assert.ok(submitted.ok, JSON.stringify(submitted))
    const welsh = await latestTo('welshEditor')
    isWelsh(welsh, /^Wedi’i chyflwyno i’w hadolygu: Submitted one$/)
    assert.match(welsh.bodyText, /http:\/\/localhost\/cy\/admin\/review\/submitted-one/)
    isEnglish(await latestTo('englishEditor'), /^Submitted for review: Submitted one$/)

    await handle.db
      .update(users)
      .set({ submissionEmails: 'hourly', lastDigestAt: new Date(Date.now() - 2 * 3_600_000) })
      .where(inArray(users.id, [people.welshEditor!.id, people.englishEditor!.id]))
    await handle.db
      .update(caseStudies)
      .set({ submittedAt: new Date(Date.now() - 60_000) })
      .where(eq(caseStudies.id, study.id))
    const queued = await queueSubmissionDigests(handle.db, { baseUrl: 'http://localhost', networkName: 'Test' })
    assert.ok(queued.length >= 2)
    const digest = await latestTo('welshEditor')
    isWelsh(digest, /^1 astudiaeth achos wedi’i chyflwyno i’w hadolygu$/)
    assert.match(digest.bodyText, /- Submitted one: http:\/\/localhost\/cy\/admin\/review\/submitted-one/)
    isEnglish(await latestTo('englishEditor'), /^1 case study submitted for review$/)
  })

  it('asks for changes in each officer’s language', async () => {
    const { handle } = get()
    const study = await buildCaseStudy(handle.db, { slug: 'sent-back', title: 'Sent back', leadId: homeId, status: 'draft' })
    await handle.db.update(caseStudies).set({ reviewState: 'submitted', submittedAt: new Date() }).where(eq(caseStudies.id, study.id))
    const result = await inTransaction(handle.db, (tx) =>
      requestChanges(
        tx,
        { id: people.welshEditor!.id, label: 'editor' },
        {
          caseStudyId: study.id,
          revision: 1,
          comment: 'Say more about the outcomes.',
          editUrl: 'http://localhost/case-studies/sent-back/edit',
          networkName: 'Test',
          authorName: 'Editor',
        },
      ),
    )
    assert.ok(result.ok, JSON.stringify(result))
    const welsh = await latestTo('welshOfficer')
    isWelsh(welsh, /^Gofynnwyd am newidiadau: Sent back$/)
    assert.match(welsh.bodyText, /Say more about the outcomes\./)
    assert.match(welsh.bodyText, /http:\/\/localhost\/cy\/case-studies\/sent-back\/edit/)
    isEnglish(await latestTo('englishOfficer'), /^Changes requested: Sent back$/)
  })
})
