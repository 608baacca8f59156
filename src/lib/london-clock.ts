// What a London clock shows at an instant, whatever the server's own zone: the one reader of
// Europe/London's wall clock for the features that take times as people in the UK write them
// (a vote's opening and closing, an event's sessions).

const londonWallClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})

export interface WallClock {
  year: number
  month: number
  day: number
  hour: number
  minute: number
}

/** The date and time on a London clock at an instant. */
export function londonWallClockAt(instant: Date): WallClock {
  const parts = Object.fromEntries(londonWallClock.formatToParts(instant).map((p) => [p.type, p.value]))
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day), hour: Number(parts.hour), minute: Number(parts.minute) }
}
