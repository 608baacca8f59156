// The catalogues hold together: every key in both languages, the same placeholders in both, and a
// Welsh plural with all six of its forms.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser'
import { areaFiles, catalogueOf, translator } from './catalogue.ts'

/** The placeholders a message uses, and the plural forms each plural offers. */
function shapeOf(message: string): { names: Set<string>; plurals: Map<string, Set<string>> } {
  const names = new Set<string>()
  const plurals = new Map<string, Set<string>>()
  const walk = (elements: MessageFormatElement[]): void => {
    for (const e of elements) {
      if (e.type === TYPE.argument || e.type === TYPE.number || e.type === TYPE.date || e.type === TYPE.time) names.add(e.value)
      if (e.type === TYPE.plural || e.type === TYPE.select) {
        names.add(e.value)
        if (e.type === TYPE.plural) plurals.set(e.value, new Set(Object.keys(e.options)))
        for (const option of Object.values(e.options)) walk(option.value)
      }
    }
  }
  walk(parse(message, { ignoreTag: true }))
  return { names, plurals }
}

describe('the message catalogues', () => {
  const en = catalogueOf('en')
  const cy = catalogueOf('cy')

  it('have the same keys in English and Welsh', () => {
    assert.deepEqual(
      Object.keys(cy).filter((k) => !(k in en)),
      [],
      'in Welsh only',
    )
    assert.deepEqual(
      Object.keys(en).filter((k) => !(k in cy)),
      [],
      'in English only',
    )
  })

  it('give every message the same placeholders in both languages', () => {
    const problems = Object.keys(en).flatMap((key) => {
      const a = [...shapeOf(en[key]!).names].sort()
      const b = [...shapeOf(cy[key] ?? '').names].sort()
      return a.join() === b.join() ? [] : [`${key}: English {${a.join(', ')}}, Welsh {${b.join(', ')}}`]
    })
    assert.deepEqual(problems, [])
  })

  it('give each Welsh plural all six forms (zero, one, two, few, many, other)', () => {
    const problems = Object.entries(cy).flatMap(([key, message]) =>
      [...shapeOf(message).plurals]
        .filter(([, forms]) => ['zero', 'one', 'two', 'few', 'many', 'other'].some((f) => !forms.has(f)))
        .map(([name]) => `${key}: {${name}}`),
    )
    assert.deepEqual(problems, [])
  })

  it('keep each area in the same file in both languages', () => {
    const areasOf = (locale: string) =>
      [...areaFiles(locale)].flatMap(([area, messages]) => Object.keys(messages as object).map((key) => `${area}.json: ${key}`)).sort()
    assert.deepEqual(areasOf('cy'), areasOf('en'))
  })

  it('list only real keys among those a Welsh speaker should review first', () => {
    const review = [...areaFiles('cy-review')].flatMap(([area, keys]) => (keys as string[]).map((key) => ({ area, key })))
    assert.deepEqual(
      review.filter(({ key }) => !(key in cy)),
      [],
    )
  })

  it('count case studies by the Welsh plural rules', () => {
    const t = translator('cy')
    assert.deepEqual(
      [0, 1, 2, 3, 6, 11].map((count) => t('count.caseStudies', { count })),
      ['0 astudiaethau achos', '1 astudiaeth achos', '2 astudiaeth achos', '3 astudiaeth achos', '6 astudiaeth achos', '11 astudiaeth achos'],
    )
    assert.deepEqual(
      [0, 1, 2].map((count) => translator('en')('count.caseStudies', { count })),
      ['0 case studies', '1 case study', '2 case studies'],
    )
  })
})
