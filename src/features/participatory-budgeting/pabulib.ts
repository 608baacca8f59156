import { parse } from 'csv-parse/sync'
import { formatAmount, voteTypes, type PbBallot, type PbElection, type PbProject, type VoteType } from './election.ts'

/**
 * Reading and writing the pabulib `.pb` format (pabulib.org; format paper arXiv 2012.06539):
 * `;`-separated with CSV quoting, three sections headed `META`, `PROJECTS`, `VOTES`, each followed
 * by a header row. Costs and budget are read exactly into smallest units (see PbElection.decimals).
 */

/** A file that is not a usable pabulib election; `line` is 1-based (0 when the whole file is at fault). */
export class PabulibError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(line > 0 ? `line ${line}: ${reason}` : reason)
    this.name = 'PabulibError'
  }
}

type Section = 'META' | 'PROJECTS' | 'VOTES'
interface Row {
  readonly cells: string[]
  readonly line: number
}

function readRows(text: string): Row[] {
  try {
    const records = parse(text, {
      delimiter: ';',
      // Files in the library mix CRLF and LF, and some names begin with a quoted word ("Odkupmy" i my).
      record_delimiter: ['\r\n', '\n'],
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: true,
      bom: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[]
    return records.map(({ record, info }) => ({ cells: record.map((c) => c.trim()), line: info.lines }))
  } catch (error) {
    const line = typeof (error as { lines?: unknown }).lines === 'number' ? (error as { lines: number }).lines : 0
    throw new PabulibError(line, `not readable as ;-separated text (${(error as Error).message.replace(/ at line \d+.*$/, '')})`)
  }
}

const decimalPattern = /^(\d+)(?:\.(\d+))?$/

/** Digits after the point as written ("400000.0" has one), so that writing the file back keeps them. */
function writtenDecimals(value: string): number {
  return (decimalPattern.exec(value)?.[2] ?? '').length
}

function toSmallestUnits(value: string, decimals: number): bigint {
  const [, whole = '0', fraction = ''] = decimalPattern.exec(value) ?? []
  const kept = fraction.padEnd(decimals, '0').slice(0, decimals)
  return BigInt(whole + kept)
}

function checkAmount(value: string | undefined, what: string, line: number): string {
  if (value === undefined || value === '') throw new PabulibError(line, `${what} is missing`)
  if (!decimalPattern.test(value)) throw new PabulibError(line, `${what} "${value}" is not a non-negative number`)
  return value
}

interface SectionRows {
  header: Row | null
  rows: Row[]
}

function splitSections(rows: Row[]): Record<Section, SectionRows> {
  const sections: Record<Section, SectionRows> = { META: { header: null, rows: [] }, PROJECTS: { header: null, rows: [] }, VOTES: { header: null, rows: [] } }
  const seen = new Set<Section>()
  let current: Section | null = null
  for (const row of rows) {
    const first = row.cells[0]?.toUpperCase()
    if (row.cells.filter((c) => c !== '').length === 1 && (first === 'META' || first === 'PROJECTS' || first === 'VOTES')) {
      if (seen.has(first)) throw new PabulibError(row.line, `a second ${first} section`)
      seen.add(first)
      current = first
      continue
    }
    if (current === null) throw new PabulibError(row.line, 'the file must begin with a META section')
    const section = sections[current]
    if (section.header === null) section.header = row
    else section.rows.push(row)
  }
  for (const name of ['META', 'PROJECTS', 'VOTES'] as const) {
    if (!seen.has(name)) throw new PabulibError(0, `the ${name} section is missing`)
    if (sections[name].header === null) throw new PabulibError(0, `the ${name} section has no header row`)
  }
  return sections
}

function columnIndex(header: Row, name: string, section: Section): number {
  const index = header.cells.indexOf(name)
  if (index < 0) throw new PabulibError(header.line, `the ${section} header has no ${name} column`)
  return index
}

function fieldsOf(header: Row, row: Row, skip: readonly string[]): Record<string, string> {
  const fields: Record<string, string> = {}
  header.cells.forEach((name, i) => {
    if (!skip.includes(name)) fields[name] = row.cells[i] ?? ''
  })
  return fields
}

/** Reads a `.pb` file's text. Throws PabulibError naming the line at fault. */
export function parsePabulib(text: string): PbElection {
  const sections = splitSections(readRows(text))
  const metaHeader = sections.META.header!
  const meta: [string, string][] = []
  const metaLines = new Map<string, number>()
  for (const row of sections.META.rows) {
    const [key = '', value = ''] = row.cells
    if (key === '') throw new PabulibError(row.line, 'a META row without a key')
    if (metaLines.has(key)) throw new PabulibError(row.line, `META key ${key} appears twice`)
    meta.push([key, value])
    metaLines.set(key, row.line)
  }
  const metaGet = (key: string) => meta.find(([k]) => k === key)?.[1]
  const budgetText = checkAmount(metaGet('budget'), 'the budget', metaLines.get('budget') ?? metaHeader.line)
  const voteTypeText = metaGet('vote_type') ?? 'approval'
  if (!(voteTypes as readonly string[]).includes(voteTypeText))
    throw new PabulibError(metaLines.get('vote_type') ?? 0, `vote_type "${voteTypeText}" is not one of ${voteTypes.join(', ')}`)
  const voteType = voteTypeText as VoteType

  const projectHeader = sections.PROJECTS.header!
  const idColumn = columnIndex(projectHeader, 'project_id', 'PROJECTS')
  const costColumn = columnIndex(projectHeader, 'cost', 'PROJECTS')
  const costTexts = sections.PROJECTS.rows.map((row) => checkAmount(row.cells[costColumn], 'the cost', row.line))
  const decimals = Math.max(writtenDecimals(budgetText), ...costTexts.map(writtenDecimals))

  const projects: PbProject[] = []
  const projectLines = new Map<string, number>()
  sections.PROJECTS.rows.forEach((row, i) => {
    const id = row.cells[idColumn] ?? ''
    if (id === '') throw new PabulibError(row.line, 'a project without a project_id')
    if (projectLines.has(id)) throw new PabulibError(row.line, `project ${id} is listed twice (first on line ${projectLines.get(id)})`)
    projectLines.set(id, row.line)
    projects.push({ id, cost: toSmallestUnits(costTexts[i]!, decimals), fields: fieldsOf(projectHeader, row, ['project_id', 'cost']) })
  })

  const voteHeader = sections.VOTES.header!
  const voterColumn = columnIndex(voteHeader, 'voter_id', 'VOTES')
  const voteColumn = columnIndex(voteHeader, 'vote', 'VOTES')
  const withPoints = voteType === 'cumulative' || voteType === 'scoring'
  const pointsColumn = withPoints ? columnIndex(voteHeader, 'points', 'VOTES') : -1
  const voters = new Set<string>()
  const ballots: PbBallot[] = sections.VOTES.rows.map((row) => {
    const voterId = row.cells[voterColumn] ?? ''
    if (voterId === '') throw new PabulibError(row.line, 'a vote without a voter_id')
    if (voters.has(voterId)) throw new PabulibError(row.line, `voter ${voterId} votes twice`)
    voters.add(voterId)
    const voteText = row.cells[voteColumn] ?? ''
    const chosen = voteText === '' ? [] : voteText.split(',').map((id) => id.trim())
    const distinct = new Set<string>()
    for (const id of chosen) {
      if (!projectLines.has(id)) throw new PabulibError(row.line, `voter ${voterId} votes for project "${id}", which PROJECTS does not list`)
      if (distinct.has(id)) throw new PabulibError(row.line, `voter ${voterId} names project ${id} twice`)
      distinct.add(id)
    }
    if (voteType === 'choose-1' && chosen.length > 1) throw new PabulibError(row.line, `voter ${voterId} chose ${chosen.length} projects in a choose-1 vote`)
    const skip = withPoints ? ['voter_id', 'vote', 'points'] : ['voter_id', 'vote']
    const fields = fieldsOf(voteHeader, row, skip)
    if (!withPoints) return { voterId, projects: chosen, fields }
    const pointsText = row.cells[pointsColumn] ?? ''
    const points = pointsText === '' ? [] : pointsText.split(',').map((p) => p.trim())
    if (points.length !== chosen.length) throw new PabulibError(row.line, `voter ${voterId} has ${chosen.length} projects but ${points.length} points`)
    const values = points.map((p) => {
      if (!/^\d+$/.test(p) || !Number.isSafeInteger(Number(p))) throw new PabulibError(row.line, `points "${p}" of voter ${voterId} are not a whole number`)
      return Number(p)
    })
    return { voterId, projects: chosen, points: values, fields }
  })

  return {
    meta,
    voteType,
    budget: toSmallestUnits(budgetText, decimals),
    decimals,
    projects,
    ballots,
    projectColumns: projectHeader.cells.filter((c) => c !== 'project_id' && c !== 'cost'),
    voteColumns: voteHeader.cells.filter((c) => c !== 'voter_id' && c !== 'vote' && c !== 'points'),
  }
}

function cell(value: string): string {
  return /[;"\r\n]/.test(value) || value !== value.trim() ? `"${value.replaceAll('"', '""')}"` : value
}

function line(cells: readonly string[]): string {
  return cells.map(cell).join(';')
}

/**
 * Writes a `.pb` file (LF line ends, UTF-8). The typed fields win over the META rows: budget and
 * vote_type are written from them, and num_projects and num_votes from the lists; every other META
 * row and column is written as it is. Projects without a `votes` field get the count of ballots
 * naming them (and a `score`, the points, for cumulative and scoring votes).
 */
export function toPabulib(election: PbElection): string {
  const derived = new Map<string, string>([
    ['num_projects', String(election.projects.length)],
    ['num_votes', String(election.ballots.length)],
    ['budget', formatAmount(election.budget, election.decimals)],
    ['vote_type', election.voteType],
  ])
  const meta = election.meta.map(([key, value]): [string, string] => [key, derived.get(key) ?? value])
  for (const [key, value] of derived) if (!meta.some(([k]) => k === key)) meta.push([key, value])

  const withPoints = election.voteType === 'cumulative' || election.voteType === 'scoring'
  const votes = new Map<string, number>()
  const score = new Map<string, number>()
  for (const ballot of election.ballots)
    ballot.projects.forEach((id, i) => {
      votes.set(id, (votes.get(id) ?? 0) + 1)
      score.set(id, (score.get(id) ?? 0) + (ballot.points?.[i] ?? 1))
    })
  const projectColumns = [...election.projectColumns]
  if (!projectColumns.includes('votes')) projectColumns.unshift('votes')
  if (withPoints && !projectColumns.includes('score')) projectColumns.splice(projectColumns.indexOf('votes') + 1, 0, 'score')
  const projectValue = (project: PbProject, column: string): string =>
    project.fields[column] ?? (column === 'votes' ? String(votes.get(project.id) ?? 0) : column === 'score' ? String(score.get(project.id) ?? 0) : '')

  const out: string[] = ['META', line(['key', 'value']), ...meta.map((row) => line(row))]
  out.push('PROJECTS', line(['project_id', 'cost', ...projectColumns]))
  for (const p of election.projects) out.push(line([p.id, formatAmount(p.cost, election.decimals), ...projectColumns.map((c) => projectValue(p, c))]))
  out.push('VOTES', line(['voter_id', 'vote', ...(withPoints ? ['points'] : []), ...election.voteColumns]))
  for (const b of election.ballots)
    out.push(
      line([b.voterId, b.projects.join(','), ...(withPoints ? [(b.points ?? []).join(',')] : []), ...election.voteColumns.map((c) => b.fields[c] ?? '')]),
    )
  return out.join('\n') + '\n'
}
