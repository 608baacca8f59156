import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { sql } from 'drizzle-orm'
import { createTestDatabase, testDatabaseKinds } from '../../../test/databases.ts'
import type { DatabaseHandle } from '../../db/client.ts'
import { demoCaseStudies } from './content/case-studies.ts'
import { demoApplication, recordedInDemo } from './content/memberships.ts'
import { demoOrganisations } from './content/organisations.ts'
import { isDatabaseEmpty, loadDemoContent } from './load-demo-content.ts'
import { londonDate, subscriptionYearOf } from '../membership/rules/subscription-year.ts'
import { loadConfig } from '../../config.ts'
import { invoiceFacts, membershipFacts } from '../membership/facts.ts'
import { ruleSettings } from '../membership/run-context.ts'
import { membershipStatus } from '../membership/rules/status.ts'
import { membershipsForRun } from '../membership/run-queries.ts'

const count = async (handle: DatabaseHandle, table: string) =>
  (await handle.db.execute<{ n: number }>(sql.raw(`SELECT count(*)::int AS n FROM ${table}`))).rows[0]!.n

for (const kind of testDatabaseKinds()) {
  describe(`demo content [${kind}]`, () => {
    let handle: DatabaseHandle
    before(async () => {
      handle = await createTestDatabase(kind)
    })
    after(async () => handle?.close())

    it('loads into an empty database, and loading again changes nothing', async () => {
      assert.equal(await isDatabaseEmpty(handle.db), true)
      const counts = await loadDemoContent(handle.db)
      assert.equal(await isDatabaseEmpty(handle.db), false)
      assert.equal(counts.caseStudies, demoCaseStudies.length)
      const tables = [
        'principles',
        'organisations',
        'people',
        'case_studies',
        'case_study_principles',
        'case_study_organisations',
        'themes',
        'case_study_themes',
        'fee_schedules',
        'memberships',
        'membership_events',
        'membership_applications',
        'emails',
        'spaces',
        'calls',
        'call_principles',
        'bids',
        'bid_participants',
        'bid_decisions',
        'projects',
        'project_reports',
        'votes',
        'ballots',
      ]
      const first = await Promise.all(tables.map((t) => count(handle, t)))
      await loadDemoContent(handle.db)
      const second = await Promise.all(tables.map((t) => count(handle, t)))
      assert.deepEqual(second, first)
      assert.equal(first[0], 10)
      // This year's open round (two calls of four principles) and last year's, decided: three lab
      // bids (two funded by the panel; ten in their working groups) and four prototype bids on
      // the members' ballot (six ballots; two funded by the count): seven decisions, four projects.
      assert.deepEqual(first.slice(-10, -7), [1, 4, 11])
      assert.deepEqual(first.slice(-7), [7, 10, 7, 4, first.at(-3)!, 1, 6])
      // One lab reported, finished, closed and became a published case study; the other is underway.
      const loop = await handle.db.execute<{ status: string; case_study: string | null; submitted: number }>(
        sql`SELECT p.status, cs.status AS case_study, (SELECT count(*)::int FROM project_reports r WHERE r.project_id = p.id AND r.submitted_at IS NOT NULL) AS submitted
            FROM projects p LEFT JOIN case_studies cs ON cs.id = p.case_study_id ORDER BY p.status, p.id`,
      )
      assert.deepEqual(
        loop.rows.map((r) => [r.status, r.case_study]),
        [
          ['closed', 'published'],
          ['underway', null],
          ['underway', null],
          ['underway', null],
        ],
      )
      assert.ok(
        loop.rows.every((r) => r.submitted >= 1),
        'every project has reported at least once',
      )
      // The partner the lab named in words is an organisation coophub knows: the case study links it.
      const partners = await handle.db.execute<{ slug: string }>(
        sql`SELECT o.slug FROM projects p JOIN case_study_organisations l ON l.case_study_id = p.case_study_id AND l.role = 'partner' JOIN organisations o ON o.id = l.organisation_id`,
      )
      assert.deepEqual(
        partners.rows.map((r) => r.slug),
        ['community-energy-trust'],
      )
    })

    it('keeps drafts out of public view and makes linked names searchable', async () => {
      const drafts = demoCaseStudies.filter((c) => c.status === 'draft').length
      const published = (await handle.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM case_studies WHERE status = 'published'`)).rows[0]!.n
      // And one more: the case study last year's warm-homes lab became.
      assert.equal(published, demoCaseStudies.length - drafts + 1)
      const rows = await handle.db.execute<{ search_extra: string }>(sql`SELECT search_extra FROM case_studies`)
      for (const row of rows.rows) assert.ok(row.search_extra.length > 0)
    })

    it('has a Welsh case study as the version of an English one, and Welsh wordings for some principles', async () => {
      const rows = await handle.db.execute<{ slug: string; language: string; translation_group: number | null; id: number }>(
        sql`SELECT id, slug, language, translation_group FROM case_studies WHERE translation_group IS NOT NULL ORDER BY language DESC`,
      )
      assert.deepEqual(
        rows.rows.map((r) => [r.slug, r.language]),
        [
          ['solar-on-public-roofs-through-a-community-energy-co-operative', 'en'],
          ['paneli-solar-ar-doeon-cyhoeddus-drwy-gwmni-ynni-cymunedol-cydweithredol', 'cy'],
        ],
      )
      assert.equal(rows.rows[0]!.translation_group, rows.rows[1]!.translation_group)
      const welsh = await handle.db.execute<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM principles WHERE short_name_cy IS NOT NULL AND statement_cy IS NOT NULL`,
      )
      assert.equal(welsh.rows[0]!.n, 3)
      const found = await handle.db.execute<{ slug: string }>(
        sql`SELECT slug FROM case_studies WHERE language = 'cy' AND search_vector @@ websearch_to_tsquery('simple', 'cydweithredol')`,
      )
      assert.equal(found.rows.length, 1)
    })

    it('every principle is met by at least one published case study', async () => {
      const rows = await handle.db.execute<{ n: number }>(sql`
        SELECT count(*)::int AS n FROM principles p WHERE NOT EXISTS (
          SELECT 1 FROM case_study_principles csp JOIN case_studies cs ON cs.id = csp.case_study_id
          WHERE csp.principle_id = p.id AND cs.status = 'published')`)
      assert.equal(rows.rows[0]!.n, 0)
    })

    const year = subscriptionYearOf(londonDate(new Date()))

    it('loads the example fee schedule for this subscription year and the next, once each, labelled as an example', async () => {
      const rows = await handle.db.execute<{ year: number; version: number; label: string; example: boolean }>(
        sql`SELECT year, version, label, example FROM fee_schedules ORDER BY year`,
      )
      assert.deepEqual(
        rows.rows.map((r) => [r.year, r.version, r.example]),
        [
          [year, 1, true],
          [year + 1, 1, true],
        ],
      )
      for (const r of rows.rows) assert.match(r.label, /example/i)
    })

    it('leaves a year that has a schedule alone', async () => {
      await handle.db.execute(sql`UPDATE fee_schedules SET label = 'Our own schedule', example = false WHERE year = ${year + 1}`)
      await loadDemoContent(handle.db)
      const rows = await handle.db.execute<{ n: number; label: string }>(
        sql`SELECT count(*)::int AS n, max(label) AS label FROM fee_schedules WHERE year = ${year + 1}`,
      )
      assert.deepEqual([rows.rows[0]!.n, rows.rows[0]!.label], [1, 'Our own schedule'])
    })

    it('records every demo member as current, paid through this year, from its own date, with its history', async () => {
      const rows = await handle.db.execute<{
        slug: string
        tier: string
        org_tier: string
        status: string
        member_since: string
        paid_through_year: number
        reasons: string[]
      }>(sql`
        SELECT o.slug, m.tier, o.tier AS org_tier, m.status, m.member_since::text AS member_since, m.paid_through_year,
          (SELECT array_agg(e.reason ORDER BY e.id) FROM membership_events e WHERE e.membership_id = m.id) AS reasons
        FROM memberships m JOIN organisations o ON o.id = m.organisation_id
        WHERE m.status = 'current' ORDER BY o.slug`)
      const members = demoOrganisations.filter((o) => o.tier !== 'none')
      assert.equal(rows.rows.length, members.length)
      for (const o of members) {
        const row = rows.rows.find((r) => r.slug === o.slug)
        assert.ok(row, o.slug)
        assert.deepEqual(
          [row.tier, row.org_tier, row.member_since, row.paid_through_year, row.reasons],
          [o.tier, o.tier, o.memberSince, year, [recordedInDemo]],
          o.slug,
        )
      }
      const years = new Set(rows.rows.map((r) => r.member_since.slice(0, 4)))
      assert.ok(years.size >= 6, `member-since years vary: ${[...years].join(', ')}`)
      const contacts = await handle.db.execute<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM memberships m JOIN people p ON p.id = m.contact_person_id WHERE p.organisation_id = m.organisation_id`,
      )
      assert.equal(contacts.rows[0]!.n, demoOrganisations.filter((o) => o.membershipContact).length)
      assert.ok(contacts.rows[0]!.n >= 2)
    })

    it('has a former member whose membership lapsed when last year began, and that is no longer a member', async () => {
      const rows = await handle.db.execute<{ slug: string; org_tier: string; status: string; paid_through_year: number; lapsed_on: string }>(sql`
        SELECT o.slug, o.tier AS org_tier, m.status, m.paid_through_year,
          (SELECT e.on_date::text FROM membership_events e WHERE e.membership_id = m.id AND e.to_status = 'lapsed') AS lapsed_on
        FROM memberships m JOIN organisations o ON o.id = m.organisation_id WHERE m.status <> 'current'`)
      assert.deepEqual(rows.rows, [
        { slug: 'hollinsford-parish-council', org_tier: 'none', status: 'lapsed', paid_through_year: year - 3, lapsed_on: `${year - 1}-09-01` },
      ])
    })

    it('has one application waiting, made like one from the form, its confirmation email queued', async () => {
      const rows = await handle.db.execute<{ status: string; tier: string; organisation_name: string; quoted_pence: number | null; contact_email: string }>(
        sql`SELECT status, tier, organisation_name, quoted_pence, contact_email FROM membership_applications`,
      )
      assert.deepEqual(rows.rows, [
        {
          status: 'received',
          tier: 'associate',
          organisation_name: demoApplication.organisationName,
          quoted_pence: 25000,
          contact_email: demoApplication.contact.email,
        },
      ])
      const emails = await handle.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM emails WHERE to_address = ${demoApplication.contact.email}`)
      assert.equal(emails.rows[0]!.n, 1)
    })

    it('agrees with the status rules: the daily job finds nothing to change in it', async () => {
      const settings = loadConfig({}).membership
      const today = londonDate(new Date())
      const rows = await membershipsForRun(handle.db)
      assert.equal(rows.length, demoOrganisations.filter((o) => o.tier !== 'none' || o.formerMembership).length)
      for (const m of rows) {
        const ruled = membershipStatus(membershipFacts(m), invoiceFacts(m, m.invoices, settings.yearStarts), today, ruleSettings(settings)).status
        // A current member's renewal falls due in the summer: both are the rules' "still a member".
        const expected = m.status === 'current' ? ['current', 'renewal-due'] : [m.status]
        assert.ok(expected.includes(ruled), `${m.id}: stored ${m.status}, the rules say ${ruled}`)
      }
    })
  })
}
