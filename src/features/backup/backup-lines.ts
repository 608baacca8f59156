import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { pipeline } from 'node:stream'
import { StringDecoder } from 'node:string_decoder'
import { createGunzip } from 'node:zlib'
import { RestoreRefused, type Trailer } from './manifest.ts'

/**
 * The lines of a backup file before its trailer, each checked as it is read: a file that is not
 * gzip, cut short or altered ends the reading with RestoreRefused. The checksum can only be known
 * at the end, so a restore reads inside its transaction and rolls back when the end is wrong.
 */
export async function* backupLines(file: string): AsyncGenerator<string> {
  const hash = createHash('sha256')
  const source = pipeline(createReadStream(file), createGunzip(), () => undefined)
  const decoder = new StringDecoder('utf8')
  let rest = ''
  let trailer: Trailer | null = null
  const take = (line: string): string | null => {
    if (trailer) throw corrupt('there is more after its end')
    if (line.startsWith('{"end":')) {
      trailer = parseTrailer(line)
      return null
    }
    hash.update(`${line}\n`)
    return line
  }
  try {
    for await (const chunk of source) {
      rest += decoder.write(chunk as Buffer)
      let newline = rest.indexOf('\n')
      let start = 0
      const lines: string[] = []
      while (newline !== -1) {
        const line = take(rest.slice(start, newline))
        if (line !== null) lines.push(line)
        start = newline + 1
        newline = rest.indexOf('\n', start)
      }
      rest = rest.slice(start)
      yield* lines
    }
  } catch (error) {
    if (error instanceof RestoreRefused) throw error
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') throw new RestoreRefused(`There is no file ${file}.`)
    if (code === 'Z_BUF_ERROR')
      throw new RestoreRefused('This backup is truncated: the file ends before its last line (was it copied whole?). Nothing was changed.')
    throw new RestoreRefused(`This backup is corrupt: it cannot be unpacked (${(error as Error).message}). Nothing was changed.`)
  }
  rest += decoder.end()
  if (rest.length > 0) take(rest)
  const end = trailer as Trailer | null
  if (!end) throw new RestoreRefused('This backup is truncated: its last line, with the checksum, is missing. Nothing was changed.')
  if (hash.digest('hex') !== end.sha256) throw corrupt('its checksum does not match its contents')
}

function parseTrailer(line: string): Trailer {
  try {
    const value = JSON.parse(line) as Partial<Trailer>
    if (value.end === true && typeof value.sha256 === 'string') return value as Trailer
  } catch {
    // Reported below.
  }
  throw corrupt('its last line is damaged')
}

function corrupt(why: string): RestoreRefused {
  return new RestoreRefused(`This backup is corrupt: ${why}. Nothing was changed.`)
}
