import assert from 'node:assert/strict'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'
import { PabulibError, parsePabulib, toPabulib } from './pabulib.ts'

const sharedData = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../shared/data/pabulib')
const noSharedData = existsSync(sharedData) ? false : `../shared/data/pabulib is absent (${sharedData}): the real elections are not checked`

const cumulative = [
  'META',
  'key;value',
  'description;"A test; with a semicolon"',
  'num_projects;2',
  'num_votes;2',
  'budget;1000.50',
  'vote_type;cumulative',
  'PROJECTS',
  'project_id;cost;votes;score;name',
  '1;500;2;7;"Park ""green"" benches"',
  '02;250.5;1;3;Bins',
  'VOTES',
  'voter_id;vote;points;age',
  'v1;1,02;4,3;30',
  'v2;1;10;',
  '',
].join('\r\n')

describe('parsePabulib', () => {
  it('reads META, PROJECTS and VOTES with CRLF, quoting and exact decimal money', () => {
    const e = parsePabulib(cumulative)
    assert.equal(e.voteType, 'cumulative')
    assert.equal(e.decimals, 2)
    assert.equal(e.budget, 100050n)
    assert.deepEqual(
      e.projects.map((p) => [p.id, p.cost, p.fields.name]),
      [
        ['1', 50000n, 'Park "green" benches'],
        ['02', 25050n, 'Bins'],
      ],
    )
    assert.deepEqual(e.meta[0], ['description', 'A test; with a semicolon'])
    assert.deepEqual(e.ballots[0], { voterId: 'v1', projects: ['1', '02'], points: [4, 3], fields: { age: '30' } })
    assert.deepEqual(e.ballots[1]?.points, [10])
    assert.deepEqual(e.projectColumns, ['votes', 'score', 'name'])
    assert.deepEqual(e.voteColumns, ['age'])
  })

  it('reads an approval vote with LF line ends, and an empty ballot', () => {
    const e = parsePabulib('META\nkey;value\nbudget;10\nvote_type;approval\nPROJECTS\nproject_id;cost\nA;4\nB;6\nVOTES\nvoter_id;vote\n1;A,B\n2;\n')
    assert.equal(e.decimals, 0)
    assert.deepEqual(
      e.ballots.map((b) => b.projects),
      [['A', 'B'], []],
    )
    assert.equal(e.ballots[0]?.points, undefined)
  })

  const head = 'META\nkey;value\nbudget;10\nvote_type;approval\nPROJECTS\nproject_id;cost\nA;4\nB;6\nVOTES\nvoter_id;vote\n'
  for (const [what, text, message] of [
    ['no sections at all', 'hello;world\n', /^line 1: the file must begin with a META section$/],
    ['no VOTES section', 'META\nkey;value\nbudget;10\nPROJECTS\nproject_id;cost\nA;4\n', /^the VOTES section is missing$/],
    ['no budget', 'META\nkey;value\nvote_type;approval\nPROJECTS\nproject_id;cost\nA;4\nVOTES\nvoter_id;vote\n', /^line 2: the budget is missing$/],
    ['a budget in words', head.replace('budget;10', 'budget;ten'), /^line 3: the budget "ten" is not a non-negative number$/],
    ['an unknown vote type', head.replace('vote_type;approval', 'vote_type;borda'), /^line 4: vote_type "borda" is not one of/],
    ['a negative cost', head.replace('A;4', 'A;-4'), /^line 7: the cost "-4" is not a non-negative number$/],
    ['a project listed twice', head.replace('B;6', 'A;6'), /^line 8: project A is listed twice \(first on line 7\)$/],
    ['no cost column', head.replace('project_id;cost', 'project_id;price'), /^line 6: the PROJECTS header has no cost column$/],
    ['a vote for an unknown project', head + '1;A,C\n', /^line 11: voter 1 votes for project "C", which PROJECTS does not list$/],
    ['a project named twice', head + '1;A\n2;B,B\n', /^line 12: voter 2 names project B twice$/],
    ['a voter twice', head + '1;A\n1;B\n', /^line 12: voter 1 votes twice$/],
    ['two choices in choose-1', head.replace('approval', 'choose-1') + '1;A,B\n', /^line 11: voter 1 chose 2 projects in a choose-1 vote$/],
    [
      'points missing',
      head.replace('approval', 'cumulative').replace('voter_id;vote', 'voter_id;vote;points') + '1;A,B;3\n',
      /^line 11: voter 1 has 2 projects but 1 points$/,
    ],
    ['points in words', head.replace('approval', 'scoring').replace('voter_id;vote', 'voter_id;vote;points') + '1;A;x\n', /^line 11: points "x" of voter 1/],
    ['an unclosed quote', head + '1;"A\n2;B\n', /^line 12: not readable as ;-separated text/],
  ] as const)
    it(`names the line of ${what}`, () =>
      assert.throws(
        () => parsePabulib(text),
        (error: unknown) => error instanceof PabulibError && message.test(error.message),
      ))
})

describe('toPabulib', () => {
  it('writes a file that reads back the same', () => {
    const e = parsePabulib(cumulative)
    const written = toPabulib(e)
    assert.deepEqual(parsePabulib(written), e)
    assert.equal(toPabulib(parsePabulib(written)), written)
    assert.match(written, /^budget;1000\.50$/m)
    assert.match(written, /^1;500\.00;2;7;"Park ""green"" benches"$/m)
    assert.match(written, /^v1;1,02;4,3;30$/m)
  })

  it('adds the counts and META rows a minimal election lacks', () => {
    const written = toPabulib({
      meta: [['description', 'Policy prototypes 2027']],
      voteType: 'approval',
      budget: 1500000n,
      decimals: 2,
      projects: [
        { id: 'bid-1', cost: 980050n, fields: { name: 'Food; co-op' } },
        { id: 'bid-2', cost: 200000n, fields: { name: 'Repair café' } },
      ],
      ballots: [
        { voterId: 'r1', projects: ['bid-1', 'bid-2'], fields: {} },
        { voterId: 'r2', projects: ['bid-2'], fields: {} },
      ],
      projectColumns: ['name'],
      voteColumns: [],
    })
    assert.equal(
      written,
      [
        'META',
        'key;value',
        'description;Policy prototypes 2027',
        'num_projects;2',
        'num_votes;2',
        'budget;15000.00',
        'vote_type;approval',
        'PROJECTS',
        'project_id;cost;votes;name',
        'bid-1;9800.50;1;"Food; co-op"',
        'bid-2;2000.00;2;Repair café',
        'VOTES',
        'voter_id;vote',
        'r1;bid-1,bid-2',
        'r2;bid-2',
        '',
      ].join('\n'),
    )
    const back = parsePabulib(written)
    assert.equal(back.budget, 1500000n)
    assert.equal(back.projects[0]?.cost, 980050n)
  })

  it('round-trips every shared pabulib file', { skip: noSharedData }, () => {
    const files = readdirSync(sharedData).filter((f) => f.endsWith('.pb'))
    assert.ok(files.length >= 6)
    for (const file of files) {
      const e = parsePabulib(readFileSync(path.join(sharedData, file), 'utf8'))
      assert.ok(e.ballots.length > 0, file)
      assert.deepEqual(parsePabulib(toPabulib(e)), e, file)
    }
  })
})
