// The demo's events, written for the demo (fictional people and places): last season's annual
// conference with its sessions, slides and outcomes, a policy-lab workshop coming up that is nearly
// full, and an online webinar. Dates are relative to the day the demo is loaded.
import { eq } from 'drizzle-orm'
import { newToken } from '../accounts/secrets.ts'
import { eventMaterials, eventPrinciples, eventRegistrations, eventSessionPrinciples, eventSessions, events, type EventKind } from '../../db/schema/index.ts'
import type { Transaction } from '../../db/unit-of-work.ts'
import { londonDate } from '../membership/rules/subscription-year.ts'
import { fromLondon } from './rules/london-time.ts'

interface DemoSession {
  title: string
  description: string
  from: string
  to: string
  room: string
  speakers: string
  capacity?: number
  principles?: string[]
  caseStudy?: string
  materials?: Array<{ kind: 'slides' | 'notes' | 'recording'; title: string; url: string }>
}

interface DemoEvent {
  slug: string
  title: string
  kind: EventKind
  /** Days from the day the demo is loaded (negative: in the past). */
  inDays: number
  from: string
  to: string
  summary: string
  description: string
  venueName: string
  venueAddress: string
  online: boolean
  accessibility: string
  capacity: number | null
  perOrganisationCap: number | null
  principles: string[]
  outcomes: string
  sessions: DemoSession[]
  /** Fictional registrants, so the organisers' pages and the "nearly full" notice have something to show. */
  registrants: number
}

export const demoEvents: DemoEvent[] = [
  {
    slug: 'annual-conference',
    title: 'Annual conference: power with, not power over',
    kind: 'conference',
    inDays: -75,
    from: '09:30',
    to: '16:30',
    summary: 'A day with member councils and their residents on sharing decisions, launching this year’s funding round.',
    description:
      'The conference brought officers, councillors and residents together for a day of plenaries and workshops.\n\nThe afternoon launched the network’s funding round for policy labs and prototypes.',
    venueName: 'Northbrook Corn Exchange',
    venueAddress: '12 Wool Street\nNorthbrook NB2 4QT',
    online: false,
    accessibility:
      'Step-free entrance from Wool Street; hearing loop in both halls; quiet room on the first floor; British Sign Language interpretation for the plenaries.',
    capacity: 180,
    perOrganisationCap: 8,
    principles: ['co-production', 'democratic-engagement'],
    outcomes:
      '- Eleven councils said they would bid in the new funding round.\n- A working group formed on residents’ panels for budget setting.\n- Members asked for a policy-lab workshop on community energy: it is now planned.',
    sessions: [
      {
        title: 'Opening plenary: what residents told us',
        description: 'Three residents’ panels report what they asked for and what changed.',
        from: '09:45',
        to: '10:45',
        room: 'Main hall',
        speakers: 'Councillor Mair Pryce, Afonwen County Borough Council\nDev Anand, Riverside Borough Council',
        principles: ['co-production'],
        materials: [
          { kind: 'slides', title: 'Opening plenary slides', url: 'https://example.org/demo/conference/opening-slides.pdf' },
          { kind: 'recording', title: 'Opening plenary recording', url: 'https://example.org/demo/conference/opening-recording' },
        ],
      },
      {
        title: 'Workshop: buying locally without breaking the rules',
        description: 'Procurement officers share how they opened contracts to local firms and co-operatives.',
        from: '11:15',
        to: '12:30',
        room: 'Room 2',
        speakers: 'Hannah Okafor, Northbrook City Council',
        capacity: 40,
        principles: ['enterprise-and-social-economy'],
        caseStudy: 'community-wealth-building-through-local-procurement-in-northbrook',
        materials: [{ kind: 'notes', title: 'Workshop notes: local procurement', url: 'https://example.org/demo/conference/procurement-notes' }],
      },
      {
        title: 'Workshop: residents deciding the budget',
        description: 'How Glenharbour ran participatory budgeting in the harbour wards, and what it would do differently.',
        from: '11:15',
        to: '12:30',
        room: 'Room 3',
        speakers: 'Morag Sinclair, Glenharbour Council',
        capacity: 40,
        principles: ['democratic-engagement'],
        caseStudy: 'glenharbour-decides-participatory-budgeting-in-the-harbour-wards',
      },
      {
        title: 'Launch of the funding round',
        description: 'What the network will fund this year, and how to bid.',
        from: '14:00',
        to: '15:00',
        room: 'Main hall',
        speakers: 'The network’s secretariat',
      },
    ],
    registrants: 0,
  },
  {
    slug: 'community-energy-policy-lab-workshop',
    title: 'Policy-lab workshop: community energy on public roofs',
    kind: 'policy-lab-workshop',
    inDays: 24,
    from: '10:00',
    to: '15:30',
    summary: 'A working day for councils planning solar on their own buildings with a community energy co-operative.',
    description: 'Bring your estate’s data if you have it: the afternoon works through real roofs.',
    venueName: 'Riverside Enterprise Centre',
    venueAddress: 'Quay Road\nRiverside RV1 7HD',
    online: false,
    accessibility: 'Ground-floor rooms with step-free access; accessible toilet; lunch can meet any dietary need you tell us about.',
    capacity: 30,
    perOrganisationCap: 3,
    principles: ['enterprise-and-social-economy', 'innovation'],
    outcomes: '',
    sessions: [
      {
        title: 'How the co-operative model works',
        description: 'Ownership, shares and who gets the surplus.',
        from: '10:15',
        to: '11:30',
        room: 'Training room',
        speakers: 'Sian Roberts, Afonwen County Borough Council',
        principles: ['enterprise-and-social-economy'],
        caseStudy: 'solar-on-public-roofs-through-a-community-energy-co-operative',
      },
      {
        title: 'Roof surgery: your buildings',
        description: 'Small groups look at each council’s roofs with an engineer.',
        from: '13:00',
        to: '15:00',
        room: 'Workshop room',
        speakers: 'Tom Hale, Greenvale Combined Authority',
        capacity: 12,
        principles: ['innovation'],
      },
    ],
    registrants: 28,
  },
  {
    slug: 'webinar-residents-panels',
    title: 'Webinar: setting up a residents’ panel',
    kind: 'webinar',
    inDays: 10,
    from: '12:30',
    to: '13:30',
    summary: 'An hour online on recruiting a panel that looks like your place, and paying people for their time.',
    description: '',
    venueName: '',
    venueAddress: '',
    online: true,
    accessibility: 'Live captions; the recording is shared afterwards with a transcript.',
    capacity: null,
    perOrganisationCap: null,
    principles: ['co-production', 'democratic-engagement'],
    outcomes: '',
    sessions: [],
    registrants: 6,
  },
]

const demoNames = ['Aled', 'Bethan', 'Chloe', 'Dafydd', 'Esther', 'Farah', 'Gareth', 'Hamid', 'Iona', 'Jack', 'Kofi', 'Lowri', 'Maya', 'Nia']

export async function loadDemoEvents(
  tx: Transaction,
  ids: { principles: ReadonlyMap<string, number>; caseStudies: ReadonlyMap<string, number>; organisations: readonly number[] },
  now = new Date(),
) {
  const need = <T>(map: ReadonlyMap<string, T>, key: string): T => {
    const value = map.get(key)
    if (value === undefined) throw new Error(`The demo events refer to unknown "${key}"`)
    return value
  }
  for (const e of demoEvents) {
    const day = londonDate(new Date(now.getTime() + e.inDays * 86_400_000))
    const at = (time: string) => fromLondon(day, time) ?? new Date(`${day}T${time}:00Z`)
    const values = {
      title: e.title,
      kind: e.kind,
      status: 'published' as const,
      summary: e.summary,
      description: e.description,
      startsAt: at(e.from),
      endsAt: at(e.to),
      venueName: e.venueName,
      venueAddress: e.venueAddress,
      online: e.online,
      accessibility: e.accessibility,
      capacity: e.capacity,
      perOrganisationCap: e.perOrganisationCap,
      outcomes: e.outcomes,
      updatedAt: now,
    }
    const [row] = await tx
      .insert(events)
      .values({ slug: e.slug, ...values })
      .onConflictDoUpdate({ target: events.slug, set: values })
      .returning({ id: events.id })
    const eventId = row!.id
    // Loading again replaces the agenda and the fictional registrants rather than adding to them.
    await tx.delete(eventSessions).where(eq(eventSessions.eventId, eventId))
    await tx.delete(eventMaterials).where(eq(eventMaterials.eventId, eventId))
    await tx.delete(eventPrinciples).where(eq(eventPrinciples.eventId, eventId))
    await tx.delete(eventRegistrations).where(eq(eventRegistrations.eventId, eventId))
    for (const slug of e.principles) await tx.insert(eventPrinciples).values({ eventId, principleId: need(ids.principles, slug) })
    for (const s of e.sessions) {
      const [session] = await tx
        .insert(eventSessions)
        .values({
          eventId,
          title: s.title,
          description: s.description,
          startsAt: at(s.from),
          endsAt: at(s.to),
          room: s.room,
          speakers: s.speakers,
          capacity: s.capacity ?? null,
          caseStudyId: s.caseStudy ? need(ids.caseStudies, s.caseStudy) : null,
        })
        .returning({ id: eventSessions.id })
      for (const slug of s.principles ?? []) await tx.insert(eventSessionPrinciples).values({ sessionId: session!.id, principleId: need(ids.principles, slug) })
      for (const m of s.materials ?? []) await tx.insert(eventMaterials).values({ eventId, sessionId: session!.id, ...m })
    }
    for (let i = 0; i < e.registrants; i++) {
      const first = demoNames[i % demoNames.length]!
      await tx.insert(eventRegistrations).values({
        eventId,
        name: `${first} Demo-${i + 1}`,
        email: `${first.toLowerCase()}.${i + 1}.${e.slug}@example.org`,
        organisationId: ids.organisations[i % ids.organisations.length] ?? null,
        status: 'confirmed',
        queuedAt: new Date(now.getTime() - (e.registrants - i) * 3_600_000),
        feedTokenHash: newToken().hash,
        language: i % 4 === 0 ? 'cy' : 'en',
      })
    }
  }
  return demoEvents.length
}
