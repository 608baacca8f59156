import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contentHash } from './content-hash.ts';
import { toDryRunJson } from './dry-run.ts';
import { readDocument } from './read-document.ts';
import { doc, FIXTURE_PRINCIPLES, fixtureContext } from './test-support.ts';

const ctx = fixtureContext();
const statement = (slug: string): string => FIXTURE_PRINCIPLES.find((p) => p.slug === slug)?.statement ?? '';

const FULL = doc(
  'Skip to content',
  '# Community Energy Co-op',
  '',
  '• Lead Member: Stockport Council',
  '• Participating Members: Oldham Council, Mutual Futures CIC',
  '• Year: 2021-2023',
  '• Status: Policy Labs',
  '',
  'Principles met',
  '-',
  'Civic partnership',
  statement('civic-partnership'),
  '-',
  'Fresh thinking',
  statement('fresh-thinking'),
  '',
  'About the project',
  'Tenants on two estates formed a co-operative that now owns the solar panels on their roofs.',
  'Stockport Council lent the start-up money and Oldham Council copied the model a year later.',
  '',
  'Share this',
  'For more information contact:',
  'Jo Bloggs',
  'Energy Officer',
  'Stockport Council',
);

describe('readDocument on a complete page', () => {
  it('reads every field', () => {
    const r = readDocument(FULL, ctx);
    assert.equal(r.title, 'Community Energy Co-op');
    assert.equal(r.titleProposed, false);
    assert.equal(r.kind, 'policy-lab');
    assert.equal(r.yearStart, 2021);
    assert.equal(r.yearEnd, 2023);
    assert.deepEqual(r.principles.map((p) => p.slug), ['civic-partnership', 'fresh-thinking']);
    assert.equal(r.leadMember, 'Stockport Council');
    assert.deepEqual(r.participatingMembers, ['Oldham Council', 'Mutual Futures CIC']);
    assert.deepEqual(r.contact, { name: 'Jo Bloggs', jobTitle: 'Energy Officer', organisation: 'Stockport Council' });
    assert.deepEqual(r.councils, ['Stockport Council', 'Oldham Council']);
    assert.deepEqual(r.authorities, ['SKP', 'OLD']);
    assert.equal(
      r.bodyMarkdown,
      doc(
        '## About the project',
        '',
        'Tenants on two estates formed a co-operative that now owns the solar panels on their roofs.',
        '',
        'Stockport Council lent the start-up money and Oldham Council copied the model a year later.',
      ),
    );
    assert.equal(r.summary, 'Tenants on two estates formed a co-operative that now owns the solar panels on their roofs. Stockport Council lent the start-up money and Oldham Council copied the model a year later.');
    assert.deepEqual(r.warnings, []);
    assert.match(r.contentHash, /^[0-9a-f]{64}$/);
  });

  it('gives the dry-run JSON in its fixed shape and order', () => {
    const json = toDryRunJson('energy.md', readDocument(FULL, ctx));
    assert.equal(
      JSON.stringify(json),
      JSON.stringify({
        file: 'energy.md',
        title: 'Community Energy Co-op',
        principles: ['Civic partnership', 'Fresh thinking'],
        leadMember: 'Stockport Council',
        participatingMembers: ['Oldham Council', 'Mutual Futures CIC'],
        year: 2021,
        status: 'policy-lab',
        contact: { name: 'Jo Bloggs', jobTitle: 'Energy Officer', organisation: 'Stockport Council' },
        councils: ['Stockport Council', 'Oldham Council'],
        authorities: ['SKP', 'OLD'],
        warnings: [],
      }),
    );
  });

  it('turns warnings into "field: message" strings', () => {
    const json = toDryRunJson('x.txt', readDocument('Just one sentence about a garden.', ctx));
    assert.ok(json.warnings.length > 0);
    assert.ok(json.warnings.every((w) => /^(title|principles|contact|leadMember|year|kind|body|organisations): \S/.test(w)));
  });

  it('reads an empty string without failing', () => {
    const r = readDocument('', ctx);
    assert.equal(r.title, null);
    assert.deepEqual(r.principles, []);
    assert.ok(r.warnings.some((w) => w.field === 'body'));
  });
});

describe('content hash', () => {
  const base = doc('Principles met', '\u2018Quoted\u2019 text \u2013 here', '', 'Second line');
  it('ignores line endings, a byte-order mark, quote and dash styles, and spacing', () => {
    const variants = [
      base.replace(/\n/g, '\r\n'),
      `\uFEFF${base}`,
      base.replace(/[\u2018\u2019]/g, "'").replace('\u2013', '-'),
      base.replace(/ /g, '  ').replace(/\n\n/g, '\n\n\n'),
    ];
    for (const v of variants) assert.equal(contentHash(v), contentHash(base));
  });
  it('changes when the words change', () => {
    assert.notEqual(contentHash(base), contentHash(base.replace('Second', 'Third')));
  });
});
