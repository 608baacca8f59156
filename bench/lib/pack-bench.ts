// The annual pack of 100 case studies (issue 17's target: ≤ 30 s, and under 10 MB without images):
// a fresh embedded database with 100 published case studies of a real one's length (about 1,200
// words each, with headings, lists, a table and links), then the pack read, typeset and written.
// Run by bench/pack.ts (npm run bench:pack) and by bench/run.ts (npm run bench).
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { loadConfig } from '../../src/config.ts'
import { migrateDatabase, openDatabase } from '../../src/db/client.ts'
import { runPackCommand } from '../../src/features/publications/cli/pack-command.ts'
import { memoryOutput } from '../../src/features/import/cli/progress.ts'
import { buildCaseStudy, buildOrganisation, buildPrinciple } from '../../test/factories.ts'
import { machineDescription, markdownTable, writeSection, type Row } from './report.ts'
import { repoRoot } from './processes.ts'

const caseStudies = 100
const targetSeconds = 30
const targetBytes = 10_000_000
export const packSection = '## The annual case-study pack (issue 17)'

const paragraph = (i: number) =>
  `In year ${(i % 5) + 1} the council and its residents worked on *co-production* of services, with [the evaluation](https://example.org/report-${i}) and **clear outcomes**. Officers met community groups every month, listened, changed the plan and reported back; residents sat on the panel that decided how the budget was spent, and the ward councillors joined them.`
const body = (i: number) =>
  [
    '## About the project',
    ...Array.from({ length: 6 }, (_, p) => paragraph(i + p)),
    '## What happened',
    '- Residents designed the service\n- Officers changed the plan\n- The budget was decided in public',
    ...Array.from({ length: 6 }, (_, p) => paragraph(i * 3 + p)),
    '## Figures',
    '| Measure | Before | After |\n| --- | --- | --- |\n| Complaints | 120 | 45 |\n| People involved | 30 | 410 |',
    '## Lessons',
    ...Array.from({ length: 4 }, (_, p) => paragraph(i * 7 + p)),
  ].join('\n\n')

/** Seeds the case studies, makes the pack `runs` times, writes its section of docs/benchmarks.md and returns its row. */
export async function measurePack(runs: number): Promise<Row[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'coophub-bench-pack-'))
  const handle = await openDatabase({ embedded: null })
  try {
    await migrateDatabase(handle.db)
    const principles = await Promise.all(Array.from({ length: 6 }, () => buildPrinciple(handle.db)))
    const councils = []
    for (let i = 0; i < 40; i++) councils.push(await buildOrganisation(handle.db, { name: `Council ${i + 1}` }))
    for (let i = 0; i < caseStudies; i++)
      await buildCaseStudy(handle.db, {
        title: `How council ${i + 1} designed its services with residents`,
        body: body(i),
        outcomes: '- Fewer complaints\n- More people involved',
        yearStart: 2025,
        leadId: councils[i % councils.length]!.id,
        participantIds: [councils[(i + 1) % councils.length]!.id],
        principleIds: [principles[i % 6]!.id, principles[(i + 2) % 6]!.id],
      })
    const config = loadConfig({ LOG_LEVEL: 'silent', PUBLIC_URL: 'https://coophub.example' })
    const seconds: number[] = []
    let size = 0
    let line = ''
    for (let run = 0; run < runs; run++) {
      const out = path.join(dir, `pack-${run}.pdf`)
      const output = memoryOutput()
      const start = performance.now()
      const code = await runPackCommand(
        handle.db,
        config,
        { year: 2025, out, htmlDir: path.join(dir, 'html'), lang: 'en', kinds: [], order: 'council' },
        output,
        false,
      )
      seconds.push((performance.now() - start) / 1000)
      if (code !== 0) throw new Error(output.errors.join('\n'))
      line = (output.lines.find((l) => l.startsWith('Wrote')) ?? '').replace(dir + path.sep, '')
      size = statSync(out).size
      console.log(`run ${run + 1}: ${seconds.at(-1)!.toFixed(2)} s — ${line}`)
    }
    const median = [...seconds].sort((a, b) => a - b)[Math.floor(seconds.length / 2)]!
    const rows: Row[] = [
      {
        benchmark: `\`coophub pack --year 2025 --html-dir\`: ${caseStudies} published case studies (~1,200 words each, headings, lists, a table, links), PDF/UA-1 with contents and bookmarks (median of ${runs})`,
        database: 'PGlite',
        measured: seconds.map((s) => `${s.toFixed(2)} s`).join(', '),
        reference: line,
        result: `first run (compiler and fonts loaded cold) ${seconds[0]!.toFixed(2)} s, median ${median.toFixed(2)} s; ${(size / 1_000_000).toFixed(2)} MB`,
        target: `≤ ${targetSeconds} s; < 10 MB`,
        pass: Math.max(...seconds) <= targetSeconds && size < targetBytes,
      },
    ]
    const report = `Measured ${new Date().toISOString().slice(0, 10)} on ${machineDescription()}.\n\n${markdownTable(rows)}`
    console.log(`\n${report}`)
    writeSection(path.join(repoRoot, 'docs/benchmarks.md'), packSection, report)
    return rows
  } finally {
    await handle.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
