import assert from 'node:assert/strict'
import { test } from 'node:test'
import { inlineText, markdownTree } from './markdown-tree.ts'

test('headings, paragraphs, emphasis and links become blocks and inlines', () => {
  assert.deepEqual(markdownTree('# About\n\nWe *did* **this** with [the council](https://example.org).'), [
    { t: 'heading', level: 2, c: [{ t: 'text', v: 'About' }] },
    {
      t: 'para',
      c: [
        { t: 'text', v: 'We ' },
        { t: 'em', c: [{ t: 'text', v: 'did' }] },
        { t: 'text', v: ' ' },
        { t: 'strong', c: [{ t: 'text', v: 'this' }] },
        { t: 'text', v: ' with ' },
        { t: 'link', href: 'https://example.org', c: [{ t: 'text', v: 'the council' }] },
        { t: 'text', v: '.' },
      ],
    },
  ])
})

test('lists keep their items, nesting and start number', () => {
  const [list] = markdownTree('3. one\n4. two\n   - inner')
  assert.equal(list?.t, 'list')
  if (list?.t !== 'list') return
  assert.equal(list.ordered, true)
  assert.equal(list.start, 3)
  assert.equal(list.items.length, 2)
  assert.deepEqual(list.items[1]![1], { t: 'list', ordered: false, start: 1, items: [[{ t: 'para', c: [{ t: 'text', v: 'inner' }] }]] })
})

test('a table keeps its header row and pads short rows', () => {
  const [table] = markdownTree('| a | b |\n|---|---|\n| 1 | 2 |\n| 3 |')
  assert.deepEqual(table, {
    t: 'table',
    head: [[{ t: 'text', v: 'a' }], [{ t: 'text', v: 'b' }]],
    rows: [
      [[{ t: 'text', v: '1' }], [{ t: 'text', v: '2' }]],
      [[{ t: 'text', v: '3' }], []],
    ],
  })
})

test('unsafe links and raw HTML stay words, never markup or a link', () => {
  const blocks = markdownTree('[click](ftp://example.org/f) [x](javascript:alert(1)) <script>x</script> #set page(width: 1pt)')
  assert.deepEqual(blocks, [{ t: 'para', c: [{ t: 'text', v: 'click [x](javascript:alert(1)) <script>x</script> #set page(width: 1pt)' }] }])
})

test('empty and odd bodies give a tree, never an error', () => {
  assert.deepEqual(markdownTree(''), [])
  for (const source of ['*', '> ', '```\nunclosed', '- ', '| |', '[a]( ', '😀 ŵŷ ' + 'x'.repeat(5000)]) assert.ok(Array.isArray(markdownTree(source)))
  assert.equal(inlineText([{ t: 'em', c: [{ t: 'text', v: 'Llŷn' }] }]), 'Llŷn')
})
