import assert from 'node:assert/strict'
import { it } from 'node:test'
import { principleWording } from './wording.ts'

const p = { shortName: 'Sharing power', statement: 'We share power.', shortNameCy: 'Rhannu pŵer', statementCy: 'Rydym yn rhannu pŵer.' }

it('shows the Welsh wording on a Welsh page and the English on an English one', () => {
  assert.deepEqual(principleWording(p, 'cy'), {
    shortName: 'Rhannu pŵer',
    shortNameLang: undefined,
    statement: 'Rydym yn rhannu pŵer.',
    statementLang: undefined,
  })
  assert.deepEqual(principleWording(p, 'en'), { shortName: 'Sharing power', shortNameLang: undefined, statement: 'We share power.', statementLang: undefined })
})

it('falls back to the English, marked lang="en", part by part', () => {
  assert.deepEqual(principleWording({ ...p, statementCy: ' ' }, 'cy'), {
    shortName: 'Rhannu pŵer',
    shortNameLang: undefined,
    statement: 'We share power.',
    statementLang: 'en',
  })
  assert.deepEqual(principleWording({ shortName: 'Learning', statement: 'We learn.' }, 'cy'), {
    shortName: 'Learning',
    shortNameLang: 'en',
    statement: 'We learn.',
    statementLang: 'en',
  })
})
