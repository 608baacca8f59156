// The agenda's clashes, found before a session is placed: two sessions in one room at once, a speaker
// in two places at once, or a session outside the event's own times.

export interface PlacedSession {
  id: number | null
  title: string
  startsAt: Date
  endsAt: Date
  room: string
  speakers: string[]
}

export interface Clash {
  /** A catalogue key of events.json. */
  message: string
  values: Record<string, string>
}

const overlap = (a: PlacedSession, b: PlacedSession) => a.startsAt < b.endsAt && b.startsAt < a.endsAt
const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ')

export function clashesOf(session: PlacedSession, others: PlacedSession[], event: { startsAt: Date; endsAt: Date }): Clash[] {
  const clashes: Clash[] = []
  if (session.startsAt < event.startsAt || session.endsAt > event.endsAt) clashes.push({ message: 'events.clash.outsideEvent', values: {} })
  const speakers = new Set(session.speakers.map(norm).filter(Boolean))
  for (const other of others) {
    if ((session.id !== null && other.id === session.id) || !overlap(session, other)) continue
    if (session.room.trim() && norm(other.room) === norm(session.room))
      clashes.push({ message: 'events.clash.room', values: { room: session.room.trim(), other: other.title } })
    for (const speaker of other.speakers) {
      if (speakers.has(norm(speaker))) clashes.push({ message: 'events.clash.speaker', values: { speaker: speaker.trim(), other: other.title } })
    }
  }
  return clashes
}

/** A session's speakers from the form's lines "Name, Organisation": the name is what clashes compare. */
export function speakerLines(text: string): Array<{ name: string; organisation: string }> {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const i = line.indexOf(',')
      return i === -1 ? { name: line, organisation: '' } : { name: line.slice(0, i).trim(), organisation: line.slice(i + 1).trim() }
    })
}
