// The embedded data folder on a small tmpfs that the test fills: writes fail with a page that says
// why, reads go on, nothing saved before is lost, and saving works again once space is freed.
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import { startCoophubProcess, type CoophubProcess } from '../test/coophub-process.ts'
import { createAccount, FormClient } from '../test/form-client.ts'

const mountPoint = mkdtempSync(path.join(os.tmpdir(), 'coophub-disk-full-'))

/** A 128 MB tmpfs of our own: only root on Linux may mount one. */
function mountSmallDisk(): string | null {
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=128m', 'tmpfs', mountPoint], { encoding: 'utf8' })
  return mounted.status === 0 ? null : (mounted.stderr || mounted.error?.message || 'mount failed').trim()
}

const cannotMount = process.platform === 'linux' ? mountSmallDisk() : 'not Linux'
// In CI the machine runs as root: a disk that cannot be mounted there is a failure, not a skip.
if (cannotMount && process.env.CI) throw new Error(`disk-full test: cannot mount a tmpfs (${cannotMount})`)
const skip = cannotMount ? `a small disk cannot be mounted here (${cannotMount}): run as root on Linux` : false

/** Fills what is left of the disk with a file; returns its path. */
function fillDisk(): string {
  const filler = path.join(mountPoint, 'filler')
  const fd = openSync(filler, 'w')
  const chunk = Buffer.alloc(1024 * 1024)
  try {
    for (;;) writeSync(fd, chunk)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error
  } finally {
    closeSync(fd)
  }
  return filler
}

describe('a full disk under the embedded data folder', { skip, timeout: 240_000 }, () => {
  let server: CoophubProcess
  let browser: FormClient
  let principleId = ''

  before(async () => {
    const dataDir = path.join(mountPoint, 'data')
    mkdirSync(dataDir)
    server = await startCoophubProcess({ DATA_DIR: dataDir })
    await server.waitFor(/coophub is serving/, 180_000)
    await createAccount(
      { DATA_DIR: dataDir },
      { role: 'editor', email: 'editor@example.org', name: 'Eira Editor', password: 'a long passphrase for a small disk' },
    )
    browser = new FormClient(server.baseUrl)
    await browser.signIn('editor@example.org', 'a long passphrase for a small disk')
    const form = await browser.request('/case-studies/new')
    principleId = /<input[^>]*name="principles"[^>]*value="(\d+)"/.exec(form.body)?.[1] ?? ''
    assert.ok(principleId, 'the form offers a principle')
  })

  after(async () => {
    await server?.stop()
    if (!cannotMount) spawnSync('umount', ['-l', mountPoint])
    rmSync(mountPoint, { recursive: true, force: true })
  })

  /** A draft with a body (80,000 characters) large enough that saving it needs new pages on disk. */
  const saveDraft = async (title: string) =>
    browser.request('/case-studies/new', {
      method: 'POST',
      form: {
        _csrf: await browser.csrfToken(),
        title,
        summary: 'What a council learnt when its disk filled up.',
        kind: 'project',
        lead: '',
        principles: principleId,
        // Random text: a repeated sentence would be compressed to almost nothing.
        body: `${title}. ${randomBytes(60_000).toString('base64')}`,
        action: 'save',
      },
    })

  it('answers a write with a page that says the disk is full, goes on serving reads, loses nothing and saves again once space is freed', async (t) => {
    const before = await saveDraft('Saved before the disk filled')
    assert.equal(before.status, 303, 'a draft saved while there is room')

    const filler = fillDisk()
    const answers: number[] = []
    let refused: { status: number; body: string } | null = null
    for (let n = 1; n <= 30 && !refused; n++) {
      const answer = await saveDraft(`Attempt ${n} on a full disk`)
      answers.push(answer.status)
      if (answer.status !== 303) refused = answer
    }
    assert.ok(refused, `every save succeeded on a full disk: ${answers.join(', ')}`)
    assert.equal(refused.status, 503, `answers: ${answers.join(', ')}`)
    t.diagnostic(`saves on the full disk: ${answers.join(', ')}`)
    assert.match(refused.body, /Sorry, what you sent could not be saved/)
    assert.match(refused.body, /The disk that holds this site.{1,8}s data is full/)
    assert.match(refused.body, /Nothing you had already saved has been lost/)

    for (const page of ['/', '/case-studies', '/case-studies?q=energy', '/members', '/case-studies/saved-before-the-disk-filled/edit']) {
      assert.equal((await browser.request(page)).status, 200, `${page} is read while the disk is full`)
    }
    assert.match((await browser.request('/health')).body, /"status":"ok"/)

    rmSync(filler)
    const afterwards = await saveDraft('Saved once space was freed')
    assert.equal(afterwards.status, 303, 'saving works again without a restart')
    const kept = await browser.request('/case-studies/saved-before-the-disk-filled/edit')
    assert.match(kept.body, /Saved before the disk filled/)
  })
})
