// Test helpers (not tests): small reference files and documents written for these tests, and a
// temporary folder to put them in.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export const PRINCIPLES_JSON = JSON.stringify([
  { name: 'Sharing power', statement: 'We will give residents a real say in how services are planned and paid for.', order: 1 },
  { name: 'Trying new things', statement: 'We will test fresh ideas with neighbourhoods and keep what works.', order: 2 },
  {
    name: 'Living our values',
    statement: 'As a group of members we will put this statement into practice through:',
    order: 3,
    sub_points: [
      { name: 'Helping each other', text: 'Members lend one another staff time and advice.' },
      { name: 'Open to all', text: 'Any council that shares these values may join.' },
    ],
  },
])

const HEADER =
  'local-authority-code,official-name,nice-name,gss-code,start-date,end-date,local-authority-type,local-authority-type-name,nation,region,alt-names,current-authority,pop-2020,lat,long'
export const AUTHORITIES_CSV = [
  HEADER,
  'BRK,Brookfield Metropolitan Borough Council,Brookfield,E08000901,1974-04-01,,MD,Metropolitan district,England,North West,Brookfield,True,190000,53.5,-2.3',
  'ELM,Elmstead City Council,Elmstead,E06000902,1996-04-01,,UA,Unitary authority,England,Yorkshire and The Humber,"Elmstead,Elmstead UA",True,250000,53.9,-1.1',
  'NRC,Northvale Combined Authority,Northvale,E47000903,2014-04-01,,COMB,Combined authority,England,North West,,True,2800000,,',
].join('\n')

/** A page in the network's usual layout, in this project's own words. */
export function caseStudyText(title: string, extra: { lead?: string; year?: string; contact?: boolean; mention?: string } = {}): string {
  return [
    title,
    '',
    `• Lead Member ${extra.lead ?? 'Brookfield Council'}`,
    `• Year ${extra.year ?? '2021'}`,
    '• Status Policy Labs',
    '',
    'Principles met',
    '-',
    'Sharing power',
    'We will give residents a real say in how services are planned and paid for.',
    '-',
    'Living our values',
    'As a group of members we will put this statement into practice through:',
    '• Helping each other: Members lend one another staff time and advice.',
    '•Open to all: Any council that shares these values may join.',
    '',
    `Neighbours in the old mill district ran a tool library with ${extra.mention ?? 'Millbrook Town Council'} and the council's parks team.`,
    '',
    'About the project',
    '',
    'Volunteers lent ladders, drills and sewing machines every Saturday for two years.',
    '',
    ...(extra.contact === false ? [] : ['For more information contact:', 'Rowan Ashby', 'Neighbourhoods Officer', 'Brookfield Council']),
  ].join('\n')
}

export interface TempFolder {
  dir: string
  write(name: string, content: string | Uint8Array): string
  remove(): void
}

export function tempFolder(): TempFolder {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'coophub-import-'))
  return {
    dir,
    write(name, content) {
      const file = path.join(dir, name)
      mkdirSync(path.dirname(file), { recursive: true })
      writeFileSync(file, content)
      return file
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  }
}
