import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { readDocument } from './read-document.ts'
import { doc, FIXTURE_PRINCIPLES, fixtureContext } from '../../../test/import/reading-support.ts'

const ctx = fixtureContext()
const S = Object.fromEntries(FIXTURE_PRINCIPLES.map((p) => [p.slug, p.statement])) as Record<string, string>
const subs = FIXTURE_PRINCIPLES.find((p) => p.slug === 'practising-what-we-preach')?.subPoints ?? []
const sub = (i: number): string => `${subs[i]?.name}: ${subs[i]?.text}`
const NARRATIVE = 'Our allotment group met every Tuesday evening and planted three hundred fruit trees along the canal towpath.'

function slugs(text: string): string[] {
  return readDocument(text, ctx).principles.map((p) => p.slug)
}
function principleWarnings(text: string): string[] {
  return readDocument(text, ctx)
    .warnings.filter((w) => w.field === 'principles')
    .map((w) => w.message)
}

describe('principles block layouts', () => {
  const cases: { name: string; text: string; expected: string[] }[] = [
    {
      name: 'layout 1: "-" / short name / statement',
      text: doc(
        'Principles met',
        '-',
        'Co-design',
        S['co-design'] ?? '',
        '-',
        'Fresh thinking',
        S['fresh-thinking'] ?? '',
        '-',
        'Civic partnership',
        S['civic-partnership'] ?? '',
        NARRATIVE,
      ),
      expected: ['co-design', 'fresh-thinking', 'civic-partnership'],
    },
    {
      name: 'layout 2: short name / statement, no dashes',
      text: doc('Principles met', 'Local leadership', S['local-leadership'] ?? '', 'Sharing lessons', S['sharing-lessons'] ?? '', NARRATIVE),
      expected: ['local-leadership', 'sharing-lessons'],
    },
    {
      name: 'layout 2 with a short name missing',
      text: doc(
        'Principles met',
        'Local leadership',
        S['local-leadership'] ?? '',
        S['fresh-thinking'] ?? '',
        'Civic partnership',
        S['civic-partnership'] ?? '',
        NARRATIVE,
      ),
      expected: ['local-leadership', 'fresh-thinking', 'civic-partnership'],
    },
    {
      name: 'layout 3: bullets holding statements only',
      text: doc('Principles met', '', `  • ${S['co-design']}`, `  • ${S['fresh-thinking']}`, `  • ${S['civic-partnership']}`, '', NARRATIVE),
      expected: ['co-design', 'fresh-thinking', 'civic-partnership'],
    },
    {
      name: 'names only, one per dash',
      text: doc('Principles met', '-', 'Fresh thinking', '-', 'Sharing lessons', '', NARRATIVE),
      expected: ['fresh-thinking', 'sharing-lessons'],
    },
    {
      name: 'inline list after the heading',
      text: doc('Principles met: Co-design, Civic partnership', '', NARRATIVE),
      expected: ['co-design', 'civic-partnership'],
    },
    {
      name: 'Markdown heading and "-" bullets',
      text: doc('## Principles met', '', `- ${S['sharing-lessons']}`, `- ${S['local-leadership']}`, '', NARRATIVE),
      expected: ['sharing-lessons', 'local-leadership'],
    },
    {
      name: 'block after the narrative',
      text: doc(NARRATIVE, '', 'Principles met', '-', 'Co-design', S['co-design'] ?? ''),
      expected: ['co-design'],
    },
  ]
  for (const c of cases) {
    it(c.name, () => {
      assert.deepEqual(slugs(c.text), c.expected)
      assert.deepEqual(principleWarnings(c.text), [])
    })
  }

  it('keeps the narrative after the block out of the principles and in the body', () => {
    const r = readDocument(cases[0]?.text ?? '', ctx)
    assert.match(r.bodyMarkdown, /allotment group/)
    assert.doesNotMatch(r.bodyMarkdown, /equal partners/)
  })
})

describe('tolerant matching', () => {
  const statement = S['sharing-lessons'] ?? ''
  const cases: { name: string; line: string }[] = [
    { name: 'straight instead of curly quotes', line: statement.replace(/[\u2018\u2019]/g, "'") },
    { name: 'odd hyphens in co-operative', line: statement.replace('co-operative', 'co\u2011operative') },
    { name: 'en dash in a name', line: 'Co\u2013design' },
    { name: 'non-breaking hyphen in a name', line: 'Co\u2011design' },
    { name: 'missing spaces', line: statement.replace('single schemes', 'singleschemes').replace('take root', 'takeroot') },
    { name: 'extra spaces', line: statement.replace(/ /g, '  ').replace('ways', 'w ays') },
    { name: 'three typos', line: statement.replace('gather', 'gahter').replace('schemes', 'schems').replace('authority', 'authorty') },
    { name: 'a changed word', line: statement.replace('every member authority', 'each member council') },
    { name: 'typo in a short name', line: 'Sharign lessons' },
    { name: 'short name in capitals', line: 'SHARING LESSONS' },
    { name: 'short name with a trailing colon', line: 'Sharing lessons:' },
  ]
  for (const c of cases) {
    it(c.name, () => {
      const expected = c.line.startsWith('Co') ? 'co-design' : 'sharing-lessons'
      assert.deepEqual(slugs(doc('Principles met', '-', c.line, '', NARRATIVE)), [expected])
    })
  }

  it('reports the score and the text as written', () => {
    const line = statement.replace('gather', 'gahter')
    const [match] = readDocument(doc('Principles met', `• ${line}`, '', NARRATIVE), ctx).principles
    assert.equal(match?.matchedText, line)
    assert.ok((match?.score ?? 0) > 0.9 && (match?.score ?? 1) < 1)
  })

  it('a line halfway to two statements goes to the better one', () => {
    const mixed = `${(S['fresh-thinking'] ?? '').slice(0, -1)} and deepen the partnership between residents.`
    assert.deepEqual(slugs(doc('Principles met', `• ${mixed}`, '', NARRATIVE)), ['fresh-thinking'])
  })
})

describe('the repeated tail quirk', () => {
  const withTail = S['new-ways-of-meeting-needs'] ?? ''
  const withoutTail = withTail.slice(0, withTail.indexOf(' in planning'))
  const tail = withTail.slice(withTail.indexOf('in planning'))

  it('a statement carrying the other statement\u2019s tail is one principle', () => {
    assert.deepEqual(slugs(doc('Principles met', `• ${withTail}`, '', NARRATIVE)), ['new-ways-of-meeting-needs'])
  })
  it('the statement without the tail matches too', () => {
    assert.deepEqual(slugs(doc('Principles met', 'New ways of meeting needs', withoutTail, NARRATIVE)), ['new-ways-of-meeting-needs'])
  })
  it('the tail on a line of its own joins the entry before it', () => {
    const text = doc('Principles met', '-', 'New ways of meeting needs', withoutTail, tail, '-', 'Fresh thinking', S['fresh-thinking'] ?? '', NARRATIVE)
    assert.deepEqual(slugs(text), ['new-ways-of-meeting-needs', 'fresh-thinking'])
  })
  it('does not hide the real principle listed next to it', () => {
    const text = doc('Principles met', `• ${S['co-design']}`, `• ${withTail}`, '', NARRATIVE)
    assert.deepEqual(slugs(text), ['co-design', 'new-ways-of-meeting-needs'])
  })
})

describe('sub-points of a principle', () => {
  const intro = S['practising-what-we-preach'] ?? ''
  const expected = ['fresh-thinking', 'practising-what-we-preach']
  const cases: { name: string; lines: string[] }[] = [
    { name: 'one per line', lines: ['Practising what we preach', intro, ...subs.map((_, i) => `• ${sub(i)}`)] },
    { name: 'run together in one bullet', lines: [`  • ${intro} ${subs.map((_, i) => `• ${sub(i)}`).join(' ')}`] },
    { name: 'run together, no space after the last bullets', lines: [`  • ${intro} • ${sub(0)} • ${sub(1)} •${sub(2)} •${sub(3)}`] },
    { name: 'one per line, no space after the bullet', lines: ['-', 'Practising what we preach', intro, ...subs.map((_, i) => `•${sub(i)}`)] },
    { name: 'sub-point names only', lines: ['Practising what we preach', intro, ...subs.map((s) => `• ${s.name}`)] },
  ]
  for (const c of cases) {
    it(c.name, () => {
      const text = doc('Principles met', `• ${S['fresh-thinking']}`, ...c.lines, NARRATIVE)
      assert.deepEqual(slugs(text), expected)
      assert.deepEqual(principleWarnings(text), [])
    })
  }

  it('the "Co-design of the network\u2019s programme" sub-point is not the Co-design principle', () => {
    const text = doc('Principles met', 'Practising what we preach', intro, `• ${subs[2]?.name}`, `• ${sub(2)}`, NARRATIVE)
    assert.deepEqual(slugs(text), ['practising-what-we-preach'])
  })

  it('sub-points still attach when the context knows no sub-points', () => {
    const bare = fixtureContext(FIXTURE_PRINCIPLES.map(({ subPoints: _dropped, ...p }) => p))
    const text = doc('Principles met', '-', 'Practising what we preach', intro, ...subs.map((_, i) => `• ${sub(i)}`), NARRATIVE)
    const r = readDocument(text, bare)
    assert.deepEqual(
      r.principles.map((p) => p.slug),
      ['practising-what-we-preach'],
    )
    assert.deepEqual(
      r.warnings.filter((w) => w.field === 'principles'),
      [],
    )
    assert.match(r.bodyMarkdown, /allotment/)
  })

  it('a sub-point line alone still means its principle', () => {
    assert.deepEqual(slugs(doc('Principles met', `• ${sub(1)}`, '', NARRATIVE)), ['practising-what-we-preach'])
  })
})

describe('where the block ends', () => {
  it('principle words in the narrative are not principles met', () => {
    const text = doc(
      'Principles met',
      `• ${S['fresh-thinking']}`,
      '',
      'We chose co-design and fresh thinking, and sharing lessons with civic partnership followed.',
      'Local leadership grew as councillors took on new roles.',
    )
    assert.deepEqual(slugs(text), ['fresh-thinking'])
  })
  const endings: { name: string; after: string[] }[] = [
    { name: 'a heading', after: ['About the project', NARRATIVE] },
    { name: 'a Markdown heading', after: ['## Sharing lessons', NARRATIVE] },
    { name: 'a metadata line', after: ['Lead Member: Oldham Council', 'Co-design'] },
    { name: 'a contact block', after: ['For more information contact:', 'Ada Lovelace'] },
    { name: 'a blank line and a paragraph', after: ['', NARRATIVE] },
    { name: 'a heading that shares a sub-point\u2019s name', after: ['', 'Open doors', NARRATIVE] },
  ]
  for (const e of endings) {
    it(`ends at ${e.name}`, () => {
      const text = doc('Principles met', 'Fresh thinking', S['fresh-thinking'] ?? '', ...e.after)
      assert.deepEqual(slugs(text), ['fresh-thinking'])
      assert.deepEqual(principleWarnings(text), [])
    })
  }
  it('continues through headings that are principle names followed by their statements', () => {
    const text = doc(
      '## Principles met',
      '',
      '### Fresh thinking',
      '',
      S['fresh-thinking'] ?? '',
      '',
      '### Sharing lessons',
      '',
      S['sharing-lessons'] ?? '',
      '',
      '## About the project',
      '',
      NARRATIVE,
    )
    assert.deepEqual(slugs(text), ['fresh-thinking', 'sharing-lessons'])
  })
  it('a document without the block gets a warning, and nothing from the narrative', () => {
    const text = doc('We tried fresh thinking.', S['co-design'] ?? '')
    assert.deepEqual(slugs(text), [])
    assert.match(principleWarnings(text).join(' '), /No "Principles met" block/)
  })
})

describe('entries that match nothing become warnings', () => {
  const cases: { name: string; lines: string[] }[] = [
    { name: 'dash layout', lines: ['-', 'Kindness', 'We will be kind to every visitor who comes to the town hall.', '-', 'Co-design', S['co-design'] ?? ''] },
    { name: 'bullet layout', lines: [`• ${S['co-design']}`, '• We will be kind to every visitor who comes to the town hall.'] },
    { name: 'name / statement layout', lines: ['Co-design', S['co-design'] ?? '', 'Kindness', 'We will be kind to every visitor who comes to the town hall.'] },
    { name: 'statement-like line with no name', lines: [S['co-design'] ?? '', 'We will be kind to every visitor who comes to the town hall.'] },
  ]
  for (const c of cases) {
    it(c.name, () => {
      const text = doc('Principles met', ...c.lines, '', NARRATIVE)
      assert.deepEqual(slugs(text), ['co-design'])
      const warnings = principleWarnings(text)
      assert.equal(warnings.length, 1, warnings.join('\n'))
      assert.match(warnings[0] ?? '', /kind to every visitor.*matches no principle/)
    })
  }
  it('names the nearest principle when one is close', () => {
    const text = doc('Principles met', '• We will try some ideas with neighbourhoods.', '', NARRATIVE)
    assert.match(principleWarnings(text).join(''), /nearest: Fresh thinking/)
  })
  it('a principle listed twice counts once, with a warning', () => {
    const text = doc('Principles met', '-', 'Co-design', '-', 'Co-design', '', NARRATIVE)
    assert.deepEqual(slugs(text), ['co-design'])
    assert.match(principleWarnings(text).join(''), /more than once/)
  })
})
