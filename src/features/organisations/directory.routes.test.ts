// The members' directory as the membership records shape it: each member's tier and first year,
// the count per tier, the former members with the year they left, and a cache that follows
// membership changes made by any writer.
import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { eq, sql } from 'drizzle-orm'
import { describeEachDatabase } from '../../../test/app.ts'
import { buildCaseStudy, buildOrganisation } from '../../../test/factories.ts'
import { buildMember } from '../../../test/membership.ts'
import { membershipEvents, memberships } from '../../db/schema/index.ts'
import type { Database } from '../../db/client.ts'

/** An organisation whose only membership ended with `status` (its tier then 'none'). */
async function endedMember(db: Database, name: string, status: 'lapsed' | 'resigned' | 'converted' | 'refused', on: string) {
  const { organisation, membership } = await buildMember(db, { name, tier: 'associate', kind: 'organisation', email: null })
  await db.execute(sql`UPDATE organisations SET tier = 'none' WHERE id = ${organisation.id}`)
  await db
    .update(memberships)
    .set({ status, endedOn: status === 'lapsed' ? null : on })
    .where(eq(memberships.id, membership.id))
  await db
    .insert(membershipEvents)
    .values({ membershipId: membership.id, fromStatus: 'current', toStatus: status, reason: 'test', actorLabel: 'test', onDate: on })
  return { organisation, membership }
}

describeEachDatabase('the members’ directory', (get) => {
  let helperMembership: number

  before(async () => {
    const { db } = get().handle
    const north = await buildMember(db, { name: 'North Council', tier: 'full' })
    await db.update(memberships).set({ memberSince: '2012-10-01' }).where(eq(memberships.id, north.membership.id))
    const helper = await buildMember(db, { name: 'Helper Council', tier: 'associate' })
    helperMembership = helper.membership.id
    await db.update(memberships).set({ memberSince: null }).where(eq(memberships.id, helper.membership.id))
    await buildMember(db, { name: 'Valley Friends', tier: 'supporter', kind: 'individual' })
    // A member recorded without a membership row (before the membership records): no date to show.
    await buildOrganisation(db, { slug: 'unrecorded', name: 'Unrecorded Council', tier: 'full' })

    const lapsed = await endedMember(db, 'Lapsed Council', 'lapsed', '2025-09-01')
    await buildCaseStudy(db, { slug: 'old-work', title: 'Old work', leadId: lapsed.organisation.id })
    await endedMember(db, 'Resigned Trust', 'resigned', '2024-03-31')
    await endedMember(db, 'Converted Group', 'converted', '2023-05-01')
    await endedMember(db, 'Refused Ltd', 'refused', '2022-01-10')
  })

  it('shows each member’s tier and the year it became a member, and nothing where that is unknown', async () => {
    const res = await get().app.inject('/members')
    assert.equal(res.statusCode, 200)
    assert.match(res.body, /<th scope="col" class="govuk-table__header coophub-wide-only">Member since<\/th>/)
    const row = (name: string) =>
      res.body.match(new RegExp(`<tr class="govuk-table__row">\\s*<th scope="row"[^>]*>\\s*<a[^>]*>${name}</a>[\\s\\S]*?</tr>`))?.[0] ?? ''
    assert.match(row('North Council'), /coophub-narrow-only">Council · Full member · member since 2012<\/span>/)
    assert.match(
      row('North Council'),
      /<td class="govuk-table__cell coophub-wide-only">Full member<\/td>[\s\S]*<td class="govuk-table__cell coophub-wide-only">2012<\/td>/,
    )
    assert.match(row('Valley Friends'), /<td class="govuk-table__cell coophub-wide-only">2020<\/td>/)
    for (const name of ['Helper Council', 'Unrecorded Council']) {
      assert.ok(row(name), name)
      assert.match(row(name), /<td class="govuk-table__cell coophub-wide-only"><\/td>\s*<td class="govuk-table__cell govuk-table__cell--numeric">/, name)
      assert.doesNotMatch(row(name), /member since/, name)
    }
  })

  it('counts the members of each tier at the top', async () => {
    const res = await get().app.inject('/members')
    const counts = res.body.match(/data-qa="tier-counts">([\s\S]*?)<\/ul>/)![1]!
    assert.deepEqual(
      [...counts.matchAll(/<li>([^<]*)<\/li>/g)].map((m) => m[1]),
      ['2 full members', '1 associate member', 'No affiliate members', '1 supporter'],
    )
  })

  it('lists former members that lapsed or resigned, with the year they left; not those converted or refused', async () => {
    const res = await get().app.inject('/members')
    const former = res.body.match(/data-qa="former-members">([\s\S]*?)<\/table>/)?.[1] ?? ''
    assert.match(res.body, /<h2 class="govuk-heading-l" id="former-members">Former members<\/h2>/)
    const rows = [
      ...former.matchAll(/<tr class="govuk-table__row">\s*<th scope="row"[^>]*>([\s\S]*?)<\/th>\s*<td[^>]*>([^<]*)<\/td>\s*<td[^>]*>([^<]*)<\/td>/g),
    ].map((m) => [m[1]!.replace(/<[^>]+>/g, ''), m[2], m[3]])
    assert.deepEqual(rows, [
      ['Lapsed Council', 'Organisation', '2025'],
      ['Resigned Trust', 'Organisation', '2024'],
    ])
    // Only an organisation that has a public page (a published case study names it) is a link.
    assert.match(former, /<a class="govuk-link" href="\/organisations\/lapsed-council">Lapsed Council<\/a>/)
    assert.doesNotMatch(former, /href="[^"]*resigned-trust"/)
    // Former members are not members.
    assert.doesNotMatch(res.body.match(/data-qa="member-table">[\s\S]*?<\/table>/)![0], /Lapsed Council|Resigned Trust/)
  })

  it('a former member’s own page says it was a member, and when it left', async () => {
    const page = await get().app.inject('/organisations/lapsed-council')
    assert.equal(page.statusCode, 200)
    assert.match(page.body, /Former member \(left in 2025\)/)
  })

  it('a member’s page says since when it has been a member, when that is known', async () => {
    const north = await get().app.inject('/members/north-council')
    assert.equal(north.statusCode, 200)
    assert.match(north.body, /Member since\s*<\/dt>\s*<dd class="govuk-summary-list__value">\s*1 October 2012\s*<\/dd>/)
    const helper = await get().app.inject('/members/helper-council')
    assert.equal(helper.statusCode, 200)
    assert.doesNotMatch(helper.body, /Member since/)
  })

  it('a membership change the directory shows empties the cached page, whoever makes it; one it does not show leaves it', async () => {
    const { app, handle } = get()
    // The fixtures' own changes read first, so that only this test's change can empty the cache.
    await app.pageCache.refresh()
    await app.inject('/members')
    assert.equal((await app.inject('/members')).headers['x-coophub-cache'], 'hit')

    // Status changes the directory does not show (the daily job's renewal-due) keep the page.
    await handle.db.update(memberships).set({ status: 'renewal-due' }).where(eq(memberships.id, helperMembership))
    await app.pageCache.refresh()
    assert.equal((await app.inject('/members')).headers['x-coophub-cache'], 'hit')

    // The first payment sets member_since and nothing of the organisation.
    await handle.db.update(memberships).set({ memberSince: '2019-05-01' }).where(eq(memberships.id, helperMembership))
    await app.pageCache.refresh()
    const res = await app.inject('/members')
    assert.equal(res.headers['x-coophub-cache'], undefined)
    assert.match(res.body, />Helper Council<\/a>\s*<span[^>]*>Council · Associate member · member since 2019<\/span>/)
  })
})
