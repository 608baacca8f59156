import assert from 'node:assert/strict'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, it } from 'node:test'
import { parseAuthoritiesCsv, splitAltNames } from './parse-authorities-csv.ts'
import { parsePrinciplesJson } from './parse-principles-json.ts'
import { DATA_DIR, NO_SHARED_DATA } from '../../../test/import/reading-support.ts'

describe('parsePrinciplesJson', () => {
  it('reads names, statements, order, sub-points and the tail-free alias', () => {
    const r = parsePrinciplesJson(
      JSON.stringify([
        { name: 'Second Thing', statement: 'We will do the second thing.', order: 2 },
        {
          name: 'First & Foremost',
          statement: 'We will do the first thing. and a tail.',
          statement_without_repeated_tail: 'We will do the first thing.',
          order: 1,
          sub_points: [{ name: 'Part one', text: 'The first part.' }],
        },
      ]),
    )
    assert.deepEqual(r, {
      ok: true,
      value: [
        {
          slug: 'first-and-foremost',
          shortName: 'First & Foremost',
          statement: 'We will do the first thing. and a tail.',
          order: 1,
          aliases: ['We will do the first thing.'],
          subPoints: [{ name: 'Part one', text: 'The first part.' }],
        },
        { slug: 'second-thing', shortName: 'Second Thing', statement: 'We will do the second thing.', order: 2, aliases: [], subPoints: [] },
      ],
    })
  })

  it('takes the position as the order when none is given', () => {
    const r = parsePrinciplesJson('[{"name":"A","statement":"S a"},{"name":"B","statement":"S b"}]')
    assert.deepEqual(r.ok ? r.value.map((p) => p.order) : r.errors, [1, 2])
  })

  const bad: [string, string, RegExp][] = [
    ['not JSON', '{oops', /not valid JSON/],
    ['not an array', '{"name":"A"}', /must hold a JSON array/],
    ['empty array', '[]', /holds no principles/],
    ['not an object', '[1]', /Principle 1 is not an object/],
    ['missing name', '[{"statement":"S"}]', /Principle 1 has no "name"/],
    ['missing statement', '[{"name":"A"}]', /Principle 1 \("A"\) has no "statement"/],
    ['bad order', '[{"name":"A","statement":"S","order":0}]', /"order" that is not a whole number/],
    ['bad sub-points', '[{"name":"A","statement":"S","sub_points":[{"text":"x"}]}]', /sub-point 1 needs a "name"/],
    ['duplicate name', '[{"name":"A","statement":"S"},{"name":"a","statement":"T"}]', /"a" appears more than once/],
    ['duplicate order', '[{"name":"A","statement":"S","order":1},{"name":"B","statement":"T","order":1}]', /Order 1 is used by more than one/],
  ]
  for (const [name, text, message] of bad) {
    it(`refuses ${name}`, () => {
      const r = parsePrinciplesJson(text)
      assert.equal(r.ok, false)
      assert.match(r.ok ? '' : r.errors.join('\n'), message)
    })
  }

  it('lists every problem at once', () => {
    const r = parsePrinciplesJson('[{"name":"A"},{"statement":"S"}]')
    assert.equal(r.ok ? 0 : r.errors.length, 2)
  })
})

const HEADER =
  'local-authority-code,official-name,nice-name,gss-code,start-date,end-date,replaced-by,nation,region,local-authority-type,local-authority-type-name,county-la,combined-authority,alt-names,current-authority,pop-2020,lat,long'

describe('parseAuthoritiesCsv', () => {
  it('reads the columns the importer needs', () => {
    const csv = `\uFEFF${HEADER}\nTST,Testshire Borough Council,Testshire,E07000999,,,,England,North West,NMD,Non-metropolitan district,,,"Testshire,testshire borough council",True,12345.0,53.5,-2.25\nOLDX,Old Test District Council,Old Test,,,2019-03-31,TST,England,,NMD,Non-metropolitan district,,,,False,,,\n`
    const r = parseAuthoritiesCsv(csv)
    assert.deepEqual(r, {
      ok: true,
      value: [
        {
          code: 'TST',
          officialName: 'Testshire Borough Council',
          niceName: 'Testshire',
          altNames: ['Testshire', 'testshire borough council'],
          gssCode: 'E07000999',
          typeCode: 'NMD',
          typeName: 'Non-metropolitan district',
          nation: 'England',
          region: 'North West',
          population: 12345,
          lat: 53.5,
          long: -2.25,
          current: true,
        },
        {
          code: 'OLDX',
          officialName: 'Old Test District Council',
          niceName: 'Old Test',
          altNames: [],
          typeCode: 'NMD',
          typeName: 'Non-metropolitan district',
          nation: 'England',
          region: '',
          population: null,
          lat: null,
          long: null,
          current: false,
          endDate: '2019-03-31',
        },
      ],
    })
  })

  it('keeps names that carry ", " whole when splitting alt-names', () => {
    assert.deepEqual(splitAltNames('Bournemouth, Christchurch and Poole,bournemouth christchurch and poole,Poole'), [
      'Bournemouth, Christchurch and Poole',
      'bournemouth christchurch and poole',
      'Poole',
    ])
  })

  it('names the missing columns', () => {
    const r = parseAuthoritiesCsv('code,name\nA,B\n')
    assert.equal(r.ok, false)
    assert.match(r.ok ? '' : (r.errors[0] ?? ''), /lacks the columns local-authority-code, official-name, nice-name.*uk_local_authorities_current\.csv/)
  })

  it('refuses an empty file, a header alone, rows without a code, and broken CSV', () => {
    assert.match(String(parseAuthoritiesCsv('').ok ? '' : 'empty'), /empty/)
    const headerOnly = parseAuthoritiesCsv(`${HEADER}\n`)
    assert.match(headerOnly.ok ? '' : headerOnly.errors.join(), /no rows/)
    const noCode = parseAuthoritiesCsv(`${HEADER}\n,Nameless Council,Nameless,,,,,England,,,,,,,True,,,\n`)
    assert.match(noCode.ok ? '' : noCode.errors.join(), /Row 2 has no local-authority-code/)
    const broken = parseAuthoritiesCsv(`${HEADER}\n"unclosed,quote\n`)
    assert.match(broken.ok ? '' : broken.errors.join(), /not readable CSV/)
  })
})

const principlesFile = path.join(DATA_DIR, 'ccin-principles.json')
const authoritiesFile = path.join(DATA_DIR, 'uk_local_authorities_current.csv')
describe('the real reference data', { skip: existsSync(principlesFile) && existsSync(authoritiesFile) ? false : NO_SHARED_DATA }, () => {
  it('ccin-principles.json: ten principles in order, one with sub-points, one with a tail-free alias', () => {
    const r = parsePrinciplesJson(readFileSync(principlesFile, 'utf8'))
    assert.ok(r.ok, r.ok ? '' : r.errors.join('\n'))
    assert.equal(r.value.length, 10)
    assert.deepEqual(
      r.value.map((p) => p.order),
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
    )
    assert.equal(r.value.filter((p) => p.subPoints.length === 6).length, 1)
    assert.equal(r.value.filter((p) => p.aliases.length === 1).length, 1)
    assert.equal(r.value[0]?.slug, 'co-production')
  })

  it('uk_local_authorities_current.csv: 470 rows, 397 current', () => {
    const r = parseAuthoritiesCsv(readFileSync(authoritiesFile, 'utf8'))
    assert.ok(r.ok, r.ok ? '' : r.errors.join('\n'))
    assert.equal(r.value.length, 470)
    assert.equal(r.value.filter((a) => a.current).length, 397)
    const trafford = r.value.find((a) => a.code === 'TRF')
    assert.equal(trafford?.officialName, 'Trafford Metropolitan Borough Council')
    assert.equal(trafford?.gssCode, 'E08000009')
    assert.ok(trafford?.altNames.includes('trafford council'))
    assert.equal(r.value.find((a) => a.code === 'BUR')?.niceName, 'Bury')
  })
})
