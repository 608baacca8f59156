import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { highlightToHtml, startMark as S, stopMark as E } from './highlight.ts'

describe('highlightToHtml', () => {
  const cases: Array<[string, string, string]> = [
    ['plain text', 'no marks here', 'no marks here'],
    ['one match', `a ${S}food${E} bank`, 'a <mark>food</mark> bank'],
    ['escapes text inside and outside marks', `<b>${S}<i>${E}&`, '&lt;b&gt;<mark>&lt;i&gt;</mark>&amp;'],
    ['ignores a stray stop marker', `a${E}b`, 'ab'],
    ['closes nothing left open', `a${S}b`, 'ab'],
    ['ignores nested starts', `${S}a${S}b${E}`, '<mark>ab</mark>'],
    ['drops empty marks', `${S}${E}x`, 'x'],
    ['escapes script tags', '<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
  ]
  for (const [name, input, expected] of cases) {
    it(name, () => assert.equal(highlightToHtml(input), expected))
  }
})
