// `coophub pack --year 2025`: the year's pack as a PDF (and its HTML edition) from the command
// line. It reads only: publishing a pack on the site is the admin page's work.
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Config } from '../../../config.ts'
import type { Executor } from '../../../db/client.ts'
import { translator } from '../../../i18n/catalogue.ts'
import type { Locale } from '../../../i18n/locales.ts'
import { createProgress, type Output } from '../../import/cli/progress.ts'
import { packPdf, PackTypesettingError, type PackPdf } from '../pack-pdf.ts'
import { standalonePackHtml } from '../pack-html.ts'
import { assemblePack } from '../pack-source.ts'
import { fileSize } from '../rules/file-size.ts'
import { MAX_COVER_BYTES, readCoverAlt, readCoverImage, type CoverImage } from '../rules/cover-image.ts'
import { packKinds, packMatters, yearPeriod, type PackKind, type PackOrder, type PackPeriod } from '../rules/pack-content.ts'

export interface PackCommandOptions {
  year?: number
  from?: string
  to?: string
  out?: string
  htmlDir?: string
  lang: Locale
  kinds: PackKind[]
  order: PackOrder
  title?: string
  foreword?: string
  /** A PNG or JPEG file for the cover, with its alternative text (required with it). */
  cover?: string
  coverAlt?: string
}

/** The cover image from --cover and --cover-alt, none, or the reason it cannot be used (in the pack's language). */
export function packCover(
  options: Pick<PackCommandOptions, 'cover' | 'coverAlt'>,
  t: (key: string) => string,
): { ok: true; value: { image: CoverImage; alt: string } | null } | { ok: false; message: string } {
  if (options.cover === undefined) {
    return options.coverAlt === undefined ? { ok: true, value: null } : { ok: false, message: '--cover-alt describes the image of --cover: give both.' }
  }
  let bytes: Uint8Array
  try {
    // Its size first: a huge file is refused without being read.
    bytes = statSync(options.cover).size > MAX_COVER_BYTES ? new Uint8Array(MAX_COVER_BYTES + 1) : readFileSync(options.cover)
  } catch (error) {
    return { ok: false, message: `--cover: cannot read “${options.cover}” (${(error as { code?: string }).code ?? String(error)}).` }
  }
  const image = readCoverImage(bytes)
  if (!image.ok) return { ok: false, message: `--cover “${options.cover}”: ${t(image.message)}.` }
  const alt = readCoverAlt(options.coverAlt ?? '')
  if (!alt.ok) return { ok: false, message: `--cover-alt: ${t(alt.message)}.` }
  return { ok: true, value: { image: image.value, alt: alt.value } }
}

/** The period from --year or --from/--to, or the reason it cannot be read. */
export function packPeriod(
  options: Pick<PackCommandOptions, 'year' | 'from' | 'to'>,
): { ok: true; period: PackPeriod; label: string } | { ok: false; message: string } {
  if (options.year !== undefined && (options.from || options.to)) return { ok: false, message: 'Give either --year or --from and --to, not both.' }
  if (options.year !== undefined) return { ok: true, period: yearPeriod(options.year), label: String(options.year) }
  if (!options.from || !options.to) return { ok: false, message: 'Give --year YYYY, or --from YYYY-MM-DD and --to YYYY-MM-DD.' }
  const from = new Date(`${options.from}T00:00:00Z`)
  const to = new Date(`${options.to}T23:59:59.999Z`)
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.from) || Number.isNaN(from.getTime()))
    return { ok: false, message: `--from must be a date as YYYY-MM-DD (not “${options.from}”).` }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.to) || Number.isNaN(to.getTime()))
    return { ok: false, message: `--to must be a date as YYYY-MM-DD (not “${options.to}”).` }
  if (to < from) return { ok: false, message: '--to must not be before --from.' }
  return { ok: true, period: { from, to }, label: `${options.from} – ${options.to}` }
}

/** Returns the exit code: 0 written, 1 nothing to include or bad options. */
export async function runPackCommand(db: Executor, config: Config, options: PackCommandOptions, output: Output, tty?: boolean): Promise<number> {
  const period = packPeriod(options)
  if (!period.ok) {
    output.err(period.message)
    return 1
  }
  const t = translator(options.lang)
  const cover = packCover(options, t)
  if (!cover.ok) {
    output.err(cover.message)
    return 1
  }
  const image = cover.value?.image ?? null
  const progress = createProgress(output, 'Pack', tty)
  const { document, count } = await assemblePack(
    db,
    {
      language: options.lang,
      period: period.period,
      kinds: options.kinds.length > 0 ? options.kinds : [...packKinds],
      order: options.order,
      title: options.title ?? (options.year !== undefined ? t('publications.pack.yearTitle', { year: options.year }) : t('publications.pack.defaultTitle')),
      coverText: '',
      coverImage: image ? { alt: cover.value!.alt, format: image.format, width: image.width, height: image.height } : null,
      foreword: options.foreword ?? '',
      matters: [...packMatters],
    },
    t,
    { network: config.networkName, baseUrl: config.publicUrl ?? '' },
  )
  if (count === 0) {
    output.err(t('publications.cli.nothing', { period: period.label }))
    return 1
  }
  // Reading and ordering are done; the typesetting is one call, then the files are written.
  const steps = options.htmlDir ? 3 : 2
  progress.start(steps)
  progress.tick(`Typesetting ${count} case studies…`)
  let pdf: PackPdf
  try {
    pdf = packPdf(document, new Date(), image?.bytes ?? null)
  } catch (error) {
    progress.stop()
    if (!(error instanceof PackTypesettingError)) throw error
    output.err(error.message)
    return 1
  }
  progress.tick('Typeset.')
  const out = options.out ?? `pack-${options.year ?? options.from}.pdf`
  writeFileSync(out, pdf.bytes)
  if (options.htmlDir) {
    mkdirSync(options.htmlDir, { recursive: true })
    // The image sits beside the page, which names it by a relative address.
    const coverFile = image ? `cover.${image.format === 'png' ? 'png' : 'jpg'}` : null
    if (image && coverFile) writeFileSync(path.join(options.htmlDir, coverFile), image.bytes)
    writeFileSync(path.join(options.htmlDir, 'index.html'), standalonePackHtml(document, coverFile))
    progress.tick('HTML edition written.')
  }
  progress.stop()
  output.out(t('publications.cli.written', { file: out, pages: pdf.pages, size: fileSize(pdf.bytes.length, options.lang), count }))
  if (options.htmlDir) output.out(t('publications.cli.htmlWritten', { dir: options.htmlDir }))
  return 0
}
