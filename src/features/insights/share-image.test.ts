import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { XMLValidator } from 'fast-xml-parser'
import { shareSvg, wrapWords } from './share-image.ts'

describe('share image', () => {
  it('wraps a title into lines, cutting a long one with an ellipsis', () => {
    assert.deepEqual(wrapWords('Residents design the housing repairs service together', 20, 3), ['Residents design the', 'housing repairs', 'service together'])
    assert.deepEqual(wrapWords('one two three four five six seven eight', 10, 2), ['one two', 'three four…'])
    assert.deepEqual(wrapWords('Supercalifragilisticexpialidocious', 10, 2), ['Supercali…'])
    assert.deepEqual(wrapWords('', 10, 2), [])
  })

  it('draws well-formed SVG with its text escaped', () => {
    const svg = shareSvg({ title: 'A & B <c>', networkName: 'Network', byline: 'Led by X', principles: 'Meets 2' })
    assert.equal(XMLValidator.validate(svg), true)
    assert.ok(svg.includes('A &amp; B &lt;c&gt;'))
  })
})
