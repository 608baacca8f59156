import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { currentTemplateManifest, templateFits, type TemplateManifest } from './template.ts'

describe('templateFits', () => {
  const now: TemplateManifest = { pglite: '0.5.14', migrations: ['1:aaa', '2:bbb', '3:ccc'] }
  const cases: Array<[string, TemplateManifest, boolean]> = [
    ['made from the same migrations', { pglite: '0.5.14', migrations: ['1:aaa', '2:bbb', '3:ccc'] }, true],
    ['made before the newest migration (the migrator applies it)', { pglite: '0.5.14', migrations: ['1:aaa', '2:bbb'] }, true],
    ['made with no migration', { pglite: '0.5.14', migrations: [] }, true],
    ['another PGlite (another data format)', { pglite: '0.5.15', migrations: ['1:aaa', '2:bbb', '3:ccc'] }, false],
    ['a migration changed since', { pglite: '0.5.14', migrations: ['1:aaa', '2:XXX'] }, false],
    ['a migration inserted before the newest it has', { pglite: '0.5.14', migrations: ['1:aaa', '3:ccc'] }, false],
    ['a migration that is gone', { pglite: '0.5.14', migrations: ['1:aaa', '2:bbb', '3:ccc', '4:ddd'] }, false],
  ]
  for (const [name, made, fits] of cases) {
    it(`${name}: ${fits ? 'used' : 'not used'}`, () => assert.equal(templateFits(made, now), fits))
  }

  it('describes this code: the installed PGlite and every migration in the journal', () => {
    const manifest = currentTemplateManifest()
    assert.match(manifest.pglite, /^\d+\.\d+\.\d+/)
    assert.ok(manifest.migrations.length > 0)
    for (const m of manifest.migrations) assert.match(m, /^\d+:[0-9a-f]{64}$/)
  })
})
