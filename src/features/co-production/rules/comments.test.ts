import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { commentBodyProblems, hideReasonProblems, maxCommentLength, replyRefusal, threadsOf } from './comments.ts'

describe('comments on a bid', () => {
  const bodies: Array<[string, string, string[]]> = [
    ['a comment', 'We tried this in 2022: happy to share notes.', []],
    ['blank', ' \n ', ['bidSocial.comments.bodyRequired']],
    ['exactly the longest allowed', 'x'.repeat(maxCommentLength), []],
    ['one character too long', 'x'.repeat(maxCommentLength + 1), ['bidSocial.comments.bodyTooLong']],
    ['spaces around do not count', `  ${'x'.repeat(maxCommentLength)}  `, []],
  ]
  for (const [name, body, expected] of bodies)
    it(name, () =>
      assert.deepEqual(
        commentBodyProblems(body).map((p) => p.message),
        expected,
      ),
    )

  it('says how long a comment may be, and how long this one is', () => {
    assert.deepEqual(commentBodyProblems('y'.repeat(2500))[0]!.values, { max: 2000, count: 2500 })
  })

  it('requires a reason to hide a comment, of a bounded length', () => {
    assert.deepEqual(hideReasonProblems('Personal details of a resident'), [])
    assert.equal(hideReasonProblems('  ')[0]!.message, 'bidSocial.moderation.reasonRequired')
    assert.equal(hideReasonProblems('r'.repeat(501))[0]!.message, 'bidSocial.moderation.reasonTooLong')
  })

  it('answers only a visible comment that starts a thread of the same bid', () => {
    const cases: Array<[string, Parameters<typeof replyRefusal>[0], string | null]> = [
      ['a thread of the bid', { bidId: 1, parentId: null, hiddenAt: null }, null],
      ['no such comment', null, 'bidSocial.comments.noSuchThread'],
      ['a comment of another bid', { bidId: 2, parentId: null, hiddenAt: null }, 'bidSocial.comments.noSuchThread'],
      ['a reply (one level deep)', { bidId: 1, parentId: 7, hiddenAt: null }, 'bidSocial.comments.oneLevel'],
      ['a hidden comment', { bidId: 1, parentId: null, hiddenAt: new Date() }, 'bidSocial.comments.threadHidden'],
    ]
    for (const [name, parent, expected] of cases) assert.equal(replyRefusal(parent, 1), expected, name)
  })

  it('groups replies under the comment they answer, in order', () => {
    const threads = threadsOf([
      { id: 1, parentId: null },
      { id: 2, parentId: null },
      { id: 3, parentId: 1 },
      { id: 4, parentId: 2 },
      { id: 5, parentId: 1 },
    ])
    assert.deepEqual(
      threads.map((t) => [t.id, t.replies.map((r) => r.id)]),
      [
        [1, [3, 5]],
        [2, [4]],
      ],
    )
  })
})
