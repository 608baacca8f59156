// Writes a zip archive from entry records, exactly as told. The importer uses it to hand mammoth
// an archive of only the entries it has already unpacked and counted (stored, so nothing is
// inflated twice); tests use it to build Word documents and zip bombs without binary fixtures.

import { crc32 } from 'node:zlib'

export interface ZipRecord {
  name: string
  /** 0 stored, 8 deflated. */
  method: 0 | 8
  /** The bytes as they sit in the archive (raw deflate data when method is 8). */
  payload: Buffer
  crc: number
  /** The size the directory declares; a test may make it lie. */
  uncompressedSize: number
}

/** An entry stored as it is. */
export function storedRecord(name: string, data: Buffer): ZipRecord {
  return { name, method: 0, payload: data, crc: crc32(data), uncompressedSize: data.length }
}

export function writeZip(records: readonly ZipRecord[]): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const r of records) {
    const name = Buffer.from(r.name, 'utf8')
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(0x0800, 6) // names are UTF-8
    local.writeUInt16LE(r.method, 8)
    local.writeUInt32LE(r.crc >>> 0, 14)
    local.writeUInt32LE(r.payload.length, 18)
    local.writeUInt32LE(r.uncompressedSize, 22)
    local.writeUInt16LE(name.length, 26)
    locals.push(local, name, r.payload)

    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(0x0800, 8)
    central.writeUInt16LE(r.method, 10)
    central.writeUInt32LE(r.crc >>> 0, 16)
    central.writeUInt32LE(r.payload.length, 20)
    central.writeUInt32LE(r.uncompressedSize, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    centrals.push(central, name)
    offset += 30 + name.length + r.payload.length
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(records.length, 8)
  end.writeUInt16LE(records.length, 10)
  end.writeUInt32LE(centralSize, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, ...centrals, end])
}
