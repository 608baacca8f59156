import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { checkMaterial, safeFileName, sniffMaterial } from './materials.ts'

const pdf = Buffer.from('%PDF-1.7\n%…')
const zipWith = (entry: string) => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), Buffer.from(entry)])
const png = Buffer.from('89504e470d0a1a0a', 'hex')

describe('an event’s material', () => {
  it('takes a file only when its bytes are what its name says', () => {
    const cases: Array<[string, Buffer, boolean]> = [
      ['slides.pdf', pdf, true],
      ['SLIDES.PDF', pdf, true],
      ['slides.pdf', png, false],
      ['slides.pptx', zipWith('[Content_Types].xmlppt/slides/slide1.xml'), true],
      ['notes.docx', zipWith('[Content_Types].xmlword/document.xml'), true],
      ['notes.docx', zipWith('[Content_Types].xmlppt/slides/slide1.xml'), false],
      ['slides.odp', zipWith('mimetypeapplication/vnd.oasis.opendocument.presentation'), true],
      ['notes.odt', zipWith('mimetypeapplication/vnd.oasis.opendocument.text'), true],
      ['notes.odt', pdf, false],
      ['photo.png', png, false],
      ['script.html', Buffer.from('<script>'), false],
      ['noextension', pdf, false],
    ]
    for (const [name, bytes, ok] of cases) assert.equal(sniffMaterial(name, bytes).ok, ok, name)
  })

  it('keeps a download’s name to safe characters, without folders', () => {
    assert.equal(safeFileName('C:\\talks\\Sleidiau’r gweithdy.pdf'), 'Sleidiau-r gweithdy.pdf')
    assert.equal(safeFileName('../../etc/passwd'), 'passwd')
    assert.equal(safeFileName('"quoted";.pdf'), 'quoted-.pdf')
    assert.equal(safeFileName(''), 'file')
  })

  it('needs a kind, a title, and a link or a file but not both', () => {
    const file = { fileName: 'a.pdf', bytes: pdf, tooLarge: false }
    const fields = (r: ReturnType<typeof checkMaterial>) => (r.ok ? [] : r.errors.map((e) => `${e.field}:${e.message.split('.').pop()}`))
    assert.deepEqual(fields(checkMaterial({ kind: 'slides', title: 'Deck', url: 'https://example.org/deck' }, null)), [])
    assert.deepEqual(fields(checkMaterial({ kind: 'slides', title: 'Deck', url: '' }, file)), [])
    assert.deepEqual(fields(checkMaterial({ kind: 'poster', title: '', url: '' }, null)), [
      'material-kind:kind',
      'material-title:title',
      'material-url:neither',
    ])
    assert.deepEqual(fields(checkMaterial({ kind: 'notes', title: 'N', url: 'https://x.org' }, file)), ['material-url:both'])
    assert.deepEqual(fields(checkMaterial({ kind: 'notes', title: 'N', url: 'javascript:alert(1)' }, null)), ['material-url:link'])
    assert.deepEqual(fields(checkMaterial({ kind: 'notes', title: 'N', url: '' }, { ...file, tooLarge: true })), ['material-file:tooLarge'])
    assert.deepEqual(fields(checkMaterial({ kind: 'notes', title: 'N', url: '' }, { ...file, bytes: Buffer.alloc(0) })), ['material-file:empty'])
    const ok = checkMaterial({ kind: 'slides', title: ' Deck ', url: '' }, file)
    assert.ok(ok.ok && ok.value.file?.contentType === 'application/pdf' && ok.value.title === 'Deck')
  })
})
