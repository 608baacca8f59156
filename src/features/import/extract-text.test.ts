import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { decodeBytes, decodeWindows1252 } from './decode-bytes.ts'
import { buildDocx, zip } from '../../../test/import/docx-fixture.ts'
import { extractText } from './extract-text.ts'
import { MAX_FILE_BYTES } from './file-limits.ts'
import { htmlToText } from './html-to-text.ts'
import { readDocument } from './read-document.ts'
import { fixtureContext } from '../../../test/import/reading-support.ts'

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s)

async function text(bytes: Uint8Array, name: string): Promise<string> {
  const r = await extractText(bytes, name)
  assert.ok(r.ok, r.ok ? '' : r.error)
  return r.text
}

async function error(bytes: Uint8Array, name: string): Promise<string> {
  const r = await extractText(bytes, name)
  assert.equal(r.ok, false)
  return r.ok ? '' : r.error
}

describe('decoding', () => {
  it('reads Windows-1252 (curly quotes, dashes, accents, euro)', async () => {
    const bytes = new Uint8Array([0x93, 0x43, 0x61, 0x66, 0xe9, 0x94, 0x20, 0x96, 0x20, 0x80, 0x35, 0x20, 0x92])
    assert.equal(await text(bytes, 'a.txt'), '\u201cCaf\u00e9\u201d \u2013 \u20ac5 \u2019')
    const decoded = decodeBytes(bytes)
    assert.equal(decoded.ok ? decoded.encoding : decoded.error, 'windows-1252')
  })
  it('maps the whole 0x80–0x9F range of Windows-1252', () => {
    assert.equal(decodeWindows1252(new Uint8Array([0x85, 0x8a, 0x99, 0x9f])), '\u2026\u0160\u2122\u0178')
  })
  it('reads UTF-8 with a byte-order mark, dropping the mark', async () => {
    assert.equal(await text(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Caf\u00e9 \u2019ok\u2019')]), 'a.txt'), 'Caf\u00e9 \u2019ok\u2019')
  })
  it('reads UTF-8 without a mark', async () => {
    assert.equal(await text(utf8('Ynys M\u00f4n \u2014 \u2018yes\u2019'), 'a.md'), 'Ynys M\u00f4n \u2014 \u2018yes\u2019')
  })
  it('reads UTF-16 little- and big-endian with a mark', async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Hello \u2019world\u2019', 'utf16le')])
    assert.equal(await text(le, 'a.txt'), 'Hello \u2019world\u2019')
    const be = Buffer.from(le)
    for (let i = 0; i < be.length; i += 2) [be[i], be[i + 1]] = [be[i + 1] ?? 0, be[i] ?? 0]
    assert.equal(await text(be, 'a.txt'), 'Hello \u2019world\u2019')
  })
  it('reads UTF-16 without a mark', async () => {
    assert.equal(await text(Buffer.from('Plain words in UTF-16', 'utf16le'), 'a.txt'), 'Plain words in UTF-16')
  })
})

describe('refusals say what is wrong and what to do', () => {
  const cases: { name: string; bytes: () => Uint8Array; file: string; message: RegExp }[] = [
    { name: 'empty file', bytes: () => new Uint8Array(0), file: 'a.txt', message: /is empty \(0 bytes\).*Choose/ },
    { name: 'whitespace only', bytes: () => utf8('  \n\t\r\n   \n'), file: 'a.txt', message: /no text.*only spaces or blank lines/ },
    {
      name: 'binary with NUL bytes',
      bytes: () => new Uint8Array([0x41, 0, 0, 0x42, 0x43, 0, 0x01, 0x02, 0, 0, 0, 0x44]),
      file: 'a.txt',
      message: /binary.*NUL bytes.*Save the case study as/,
    },
    {
      name: 'binary with control characters',
      bytes: () => new Uint8Array(Array.from({ length: 200 }, (_, i) => (i % 5 === 0 ? 0x07 : 0x61))),
      file: 'a.txt',
      message: /binary.*control characters/,
    },
    { name: 'over 5 MB', bytes: () => new Uint8Array(MAX_FILE_BYTES + 1).fill(0x61), file: 'big.txt', message: /5\.0 MB; the importer reads files up to 5 MB/ },
    { name: 'old Word format', bytes: () => utf8('x'), file: 'a.doc', message: /old Word format.*save it as \.docx/ },
    { name: 'PDF', bytes: () => utf8('%PDF-1.4'), file: 'a.pdf', message: /PDF.*Copy its text/ },
    { name: 'unknown type', bytes: () => utf8('x'), file: 'a.xyz', message: /not a file type.*\.txt, \.md, \.html/ },
    { name: 'zip named .txt', bytes: () => zip([{ name: 'a', data: Buffer.from('b') }]), file: 'a.txt', message: /zip archive.*rename it to \.docx/ },
    { name: '.docx that is not a zip', bytes: () => utf8('hello'), file: 'a.docx', message: /not a valid Word/ },
    {
      name: 'broken .docx',
      bytes: () => zip([{ name: 'hello.txt', data: Buffer.from('x') }]),
      file: 'a.docx',
      message: /could not be read as a Word document/,
    },
    {
      name: 'page with no main text',
      bytes: () => utf8('<html><body><nav>Home</nav><script>x()</script></body></html>'),
      file: 'a.html',
      message: /no readable text/,
    },
  ]
  for (const c of cases) {
    it(c.name, async () => assert.match(await error(c.bytes(), c.file), c.message))
  }
})

describe('HTML', () => {
  const page = `<!doctype html><html><head><title>Fix It Cafe | Example Network</title><style>p{}</style></head>
    <body>
      <a class="skip-link" href="#main">Skip to content</a>
      <div id="cookie-banner"><p>We use cookies on this site.</p><button>Accept</button></div>
      <header><nav><a href="/">Home</a><a href="/about">About</a></nav></header>
      <main id="main">
        <h1>Fix It Caf&eacute;</h1>
        <ul class="meta"><li>Lead Member: Oldham Council</li><li>Year: 2023</li></ul>
        <h2>Principles met</h2>
        <ul><li>We will try out new ideas with neighbourhoods to bring about lasting improvements.</li></ul>
        <h2>About the project</h2>
        <p>Volunteers mended <strong>kettles</strong>, lamps&nbsp;and bikes<br>every Saturday morning.</p>
        <div class="share">Share this</div>
        <table><tr><td>Repairs</td><td>412</td></tr></table>
      </main>
      <aside>Latest posts</aside>
      <footer>Copyright</footer>
    </body></html>`

  it('takes the main content with headings, bullets and paragraphs', () => {
    const r = htmlToText(page)
    assert.equal(r.title, 'Fix It Caf\u00e9')
    assert.equal(
      r.text,
      [
        '# Fix It Caf\u00e9',
        '',
        '\u2022 Lead Member: Oldham Council',
        '\u2022 Year: 2023',
        '',
        '## Principles met',
        '',
        '\u2022 We will try out new ideas with neighbourhoods to bring about lasting improvements.',
        '',
        '## About the project',
        '',
        'Volunteers mended kettles, lamps and bikes',
        'every Saturday morning.',
        '',
        'Repairs 412',
      ].join('\n'),
    )
  })

  it('without <main> uses the body minus header, nav, footer, aside and banners', () => {
    const r = htmlToText('<body><header>Site</header><div class="cookie-consent">Accept</div><p>Only this.</p><footer>Foot</footer></body>')
    assert.equal(r.text, 'Only this.')
  })

  it('falls back to <title>, without the site name', () => {
    assert.equal(htmlToText('<title>Fix It Cafe | Example Network</title><article><p>Text.</p></article>').title, 'Fix It Cafe')
  })

  it('survives deeply nested markup', () => {
    const deep = `${'<div>'.repeat(20000)}deep text${'</div>'.repeat(20000)}`
    assert.equal(htmlToText(deep).text, 'deep text')
  })

  it('reads end to end into a reading', async () => {
    const r = await extractText(utf8(page), 'fix-it.html')
    assert.ok(r.ok)
    const reading = readDocument(r.text, fixtureContext(), r.title ? { title: r.title } : {})
    assert.equal(reading.title, 'Fix It Caf\u00e9')
    assert.equal(reading.titleProposed, false)
    assert.equal(reading.leadMember, 'Oldham Council')
    assert.equal(reading.yearStart, 2023)
    assert.deepEqual(
      reading.principles.map((p) => p.slug),
      ['fresh-thinking'],
    )
    assert.match(reading.bodyMarkdown, /^## About the project\n\nVolunteers mended kettles, lamps and bikes every Saturday morning\./)
  })

  it('a .txt that is really a saved page is read as HTML', async () => {
    assert.equal(await text(utf8('<!DOCTYPE html><html><body><main><p>Hi there.</p></main></body></html>'), 'page.txt'), 'Hi there.')
  })
})

describe('Word documents', () => {
  it('reads a .docx made here, through the HTML path', async () => {
    const bytes = buildDocx([
      { style: 'Heading1', text: 'Repair Caf\u00e9s & Libraries' },
      { text: 'Principles met' },
      { style: 'ListBullet', text: 'We will try out new ideas with neighbourhoods to bring about lasting improvements.' },
      { style: 'Heading2', text: 'About the project' },
      { text: 'Volunteers fixed things <for free> every week.' },
    ])
    const r = await extractText(bytes, 'case.docx')
    assert.ok(r.ok, r.ok ? '' : r.error)
    assert.equal(r.title, 'Repair Caf\u00e9s & Libraries')
    assert.equal(
      r.text,
      [
        '# Repair Caf\u00e9s & Libraries',
        '',
        'Principles met',
        '',
        '\u2022 We will try out new ideas with neighbourhoods to bring about lasting improvements.',
        '',
        '## About the project',
        '',
        'Volunteers fixed things <for free> every week.',
      ].join('\n'),
    )
    const reading = readDocument(r.text, fixtureContext(), { title: r.title ?? '' })
    assert.deepEqual(
      reading.principles.map((p) => p.slug),
      ['fresh-thinking'],
    )
    assert.equal(reading.bodyMarkdown, '## About the project\n\nVolunteers fixed things <for free> every week.')
  })
})
