import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { readDocument } from './read-document.ts'
import { doc, fixtureContext } from '../../../test/import/reading-support.ts'

const ctx = fixtureContext()
const P1 = 'Residents in three wards designed a tool library with the council and local makers.'
const P2 = 'Within a year the library lent out drills, ladders and sewing machines more than two thousand times.'

describe('body', () => {
  it('keeps headings such as "About the project" as Markdown headings', () => {
    const r = readDocument(doc(P1, '', 'About the project', P2, '', 'What we learned', '', 'Lending works best when volunteers run the counter.'), ctx)
    assert.equal(
      r.bodyMarkdown,
      doc(P1, '', '## About the project', '', P2, '', '## What we learned', '', 'Lending works best when volunteers run the counter.'),
    )
  })

  it('keeps Markdown headings and turns bullets into a list', () => {
    const r = readDocument(doc('## Background', P1, '• Drills', '• Ladders', '### Next steps', P2), ctx)
    assert.equal(r.bodyMarkdown, doc('## Background', '', P1, '', '- Drills', '- Ladders', '', '### Next steps', '', P2))
  })

  it('does not take short lines above short lines, or sentence ends, for headings', () => {
    const r = readDocument(doc(P1, '', 'Thank you.', '', 'Trafford Council'), ctx)
    assert.doesNotMatch(r.bodyMarkdown, /##/)
  })

  it('joins a hard-wrapped sentence', () => {
    const r = readDocument(doc('Residents in three wards designed a tool library with', 'the council and local makers.'), ctx)
    assert.equal(r.bodyMarkdown, P1)
  })

  it('drops page furniture', () => {
    const r = readDocument(
      doc(
        'Skip to content',
        'We use cookies to make this site work and to understand how you use it.',
        'Accept',
        'Reject',
        'Back to case studies',
        P1,
        'Share this',
        P2,
        'Latest posts',
        'Spring newsletter out now',
        'Annual gathering booked for June',
        '',
        'Cookie settings',
      ),
      ctx,
    )
    assert.equal(r.bodyMarkdown, doc(P1, '', P2))
  })

  it('keeps a sentence that merely mentions cookies or sharing', () => {
    const text = 'We shared this recipe for oat cookies with every school in the borough.'
    assert.equal(readDocument(doc(P1, text), ctx).bodyMarkdown, doc(P1, '', text))
  })

  it('escapes narrative that would read as Markdown syntax', () => {
    assert.equal(readDocument('# Title\n\n2022. A year of change for the market.', ctx).bodyMarkdown, '2022\\. A year of change for the market.')
  })

  it('warns when there is no narrative', () => {
    const r = readDocument(doc('Principles met', '-', 'Co-design'), ctx)
    assert.equal(r.bodyMarkdown, '')
    assert.ok(r.warnings.some((w) => w.field === 'body'))
  })
})

describe('summary', () => {
  it('is the opening sentence(s), short', () => {
    const r = readDocument(doc(P1, P2, 'A third sentence that should not be needed at all.'), ctx)
    assert.equal(r.summary, `${P1} ${P2}`)
  })
  it('cuts a very long first sentence', () => {
    const long = `${'Neighbours met weekly and '.repeat(30)}planted trees.`
    const r = readDocument(long, ctx)
    assert.ok(r.summary.length <= 301, String(r.summary.length))
    assert.ok(r.summary.endsWith('\u2026'))
  })
})

describe('title', () => {
  const cases: { name: string; text: string; hints?: { title: string }; title: string; proposed: boolean }[] = [
    { name: 'a Markdown "# Heading"', text: doc('# The Tool Library', '', P1), title: 'The Tool Library', proposed: false },
    { name: 'a "Title:" line', text: doc('Title: The Tool Library', P1), title: 'The Tool Library', proposed: false },
    {
      name: 'a short first line above the principles',
      text: doc('The Tool Library', 'Principles met', '-', 'Co-design', '', P1),
      title: 'The Tool Library',
      proposed: false,
    },
    { name: 'the HTML title passed through', text: P1, hints: { title: 'Lending Not Buying' }, title: 'Lending Not Buying', proposed: false },
    {
      name: 'proposed: "X was a project that"',
      text: doc(P1, 'Borrow Don\u2019t Buy was a pilot project that ran for a year.'),
      title: 'Borrow Don\u2019t Buy',
      proposed: true,
    },
    { name: 'proposed: "called X"', text: doc('The wards set up a scheme called Tools For All to lend equipment.'), title: 'Tools For All', proposed: true },
    { name: 'proposed: a quoted name', text: doc('Residents named the shed \u201cThe Fix Hub\u201d after a vote.'), title: 'The Fix Hub', proposed: true },
    { name: 'proposed: the first sentence', text: doc(P1, P2), title: P1.replace(/\.$/, ''), proposed: true },
  ]
  for (const c of cases) {
    it(c.name, () => {
      const r = readDocument(c.text, ctx, c.hints)
      assert.equal(r.title, c.title)
      assert.equal(r.titleProposed, c.proposed)
      assert.equal(
        r.warnings.some((w) => w.field === 'title'),
        c.proposed,
      )
      assert.doesNotMatch(r.bodyMarkdown, c.proposed ? /^#/ : new RegExp(`^#? ?${c.title}$`, 'm'))
    })
  }
  it('a heading over prose is a section heading, not the title', () => {
    const r = readDocument(doc('About the project', P1), ctx)
    assert.equal(r.titleProposed, true)
    assert.match(r.bodyMarkdown, /^## About the project/)
  })
})
