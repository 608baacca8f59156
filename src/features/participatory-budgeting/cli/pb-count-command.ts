import { readFileSync } from 'node:fs'
import { countElectionInSlices, type Completion, type CountResult, type CountRule } from '../count.ts'
import { formatAmount, metaValue, type PbElection } from '../election.ts'
import { PabulibError, parsePabulib } from '../pabulib.ts'

export interface PbCountOptions {
  readonly rule: CountRule
  readonly completion: Completion
  readonly compareWithGreedy: boolean
  /** Add1's raise in whole currency units (default 1). */
  readonly step?: bigint
  readonly json: boolean
}

export interface PbCountOutput {
  readonly out: (line: string) => void
  readonly err: (line: string) => void
}

const consoleIo: PbCountOutput = { out: (line) => console.log(line), err: (line) => console.error(line) }

/** `coophub pb count`: counts a pabulib file and prints the funded projects. Returns the exit code. */
export async function runPbCount(file: string, options: PbCountOptions, io: PbCountOutput = consoleIo): Promise<number> {
  if (options.rule !== 'equal-shares' && (options.completion !== 'none' || options.compareWithGreedy || options.step !== undefined)) {
    io.err('coophub pb count: --completion, --compare-with-greedy and --step apply only to --rule equal-shares')
    return 1
  }
  if (options.step !== undefined && options.completion !== 'add1') {
    io.err('coophub pb count: --step applies only to --completion add1')
    return 1
  }
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    io.err(`coophub pb count: cannot read ${file}${code === 'ENOENT' ? ': no such file' : code === 'EISDIR' ? ': it is a folder' : code ? ` (${code})` : ''}`)
    return 1
  }
  let election: PbElection
  try {
    election = parsePabulib(text)
  } catch (error) {
    if (!(error instanceof PabulibError)) throw error
    io.err(`coophub pb count: ${file}: ${error.message}`)
    return 1
  }
  if (election.ballots.length === 0 && options.completion === 'add1') {
    io.err(`coophub pb count: ${file}: Add1 needs at least one ballot`)
    return 1
  }
  const step = options.step === undefined ? undefined : options.step * 10n ** BigInt(election.decimals)
  if (options.completion === 'add1') {
    const raise = step ?? 10n ** BigInt(election.decimals)
    const startingRaises = election.budget / BigInt(election.ballots.length) / raise
    // Each raise is a whole count; a share of millions of small units can take millions of them.
    if (startingRaises >= 100_000n)
      io.err(
        `coophub pb count: note: each voter's share starts at ${startingRaises} raises' worth; Add1 may count very many times (--step N raises by N currency units)`,
      )
  }
  // In slices: a long Add1 count must still stop on Ctrl-C.
  const result = await countElectionInSlices(election, {
    rule: options.rule,
    completion: options.completion,
    compareWithGreedy: options.compareWithGreedy,
    ...(step === undefined ? {} : { add1Step: step }),
  })
  const amount = (value: bigint) => formatAmount(value, result.decimals)
  if (options.json) {
    io.out(
      JSON.stringify({
        rule: result.rule,
        completion: result.completion,
        budget: Number(amount(result.budget)),
        cost: Number(amount(result.cost)),
        winners: result.winners,
      }),
    )
    return 0
  }
  for (const line of describe(election, result, amount)) io.out(line)
  return 0
}

function describe(election: PbElection, result: CountResult, amount: (value: bigint) => string): string[] {
  const currency = metaValue(election, 'currency') ?? ''
  const money = (value: bigint) => `${amount(value)}${currency ? ` ${currency}` : ''}`
  const ruleName =
    result.publishedRule === 'greedy' ? 'greedy' : `Method of Equal Shares (cost satisfaction${result.completion === 'add1' ? ', completed by Add1' : ''})`
  const lines = [`${result.voters} ballots, ${result.projects.length} projects, budget ${money(result.budget)}. Counted by ${ruleName}.`]
  if (result.add1)
    lines.push(
      `Add1: each voter's share raised from ${amount(result.add1.startShare)} to ${amount(result.add1.finalShare)} in ${result.add1.raises} raises (${result.add1.stoppedBecause === 'over-budget' ? 'the next raise would overspend' : 'every supported project funded'}).`,
    )
  if (result.comparison)
    lines.push(
      `Compared with greedy: ${result.comparison.preferGreedy} voters prefer greedy's outcome, ${result.comparison.preferEqualShares} Equal Shares'; ${result.comparison.switched ? 'greedy' : 'Equal Shares'} is published.`,
    )
  const funded = result.projects.filter((p) => p.funded).sort((a, b) => a.round! - b.round!)
  const rows = funded.map((p) => {
    const name = election.projects.find((e) => e.id === p.id)?.fields.name ?? ''
    const paid = p.payments[0] ? `${p.payments[0].perVoter.rounded}` + (p.payments.length > 1 ? ' (some less)' : '') : ''
    return [String(p.round), p.id, amount(p.cost), String(p.supporters), paid, name.length > 50 ? `${name.slice(0, 49)}…` : name]
  })
  const header = ['#', 'project', 'cost', 'supporters', result.publishedRule === 'equal-shares' ? 'each paid' : '', 'name']
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  const format = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : i === 1 || i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd()
  lines.push('', format(header), ...rows.map(format), '')
  lines.push(
    `Funded: ${funded.length} of ${result.projects.length} projects, costing ${money(result.cost)} of ${money(result.budget)} (${money(result.budget - result.cost)} left).`,
  )
  return lines
}
