import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { describeEachDatabase } from '../../../test/app.ts'
import { agentWithSession, type Agent } from '../../../test/agent.ts'
import { buildEvent, inDays } from '../../../test/events.ts'
import { eventMaterials, events } from '../../db/schema/index.ts'
import { MAX_MATERIAL_BYTES } from './rules/materials.ts'

function multipart(fields: Record<string, string>, file?: { name: string; content: Buffer }) {
  const boundary = '----coophubMaterialBoundary'
  const chunks: Buffer[] = Object.entries(fields).map(([k, v]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`))
  if (file) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="document"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
    )
    chunks.push(file.content, Buffer.from('\r\n'))
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`))
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` }
}

const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(200, 0x20)])
const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')

describeEachDatabase('events: materials after the event', (get) => {
  let admin: Agent
  before(async () => {
    admin = await agentWithSession(get().app, get().handle.db, 'admin')
  })

  const upload = async (eventId: number, fields: Record<string, string>, file?: { name: string; content: Buffer }) => {
    const body = multipart({ _csrf: await admin.csrf(), ...fields }, file)
    const cookie = ['coophub_session', 'coophub_csrf'].map((n) => `${n}=${admin.cookie(n) ?? ''}`).join('; ')
    return get().app.inject({
      method: 'POST',
      url: `/admin/events/${eventId}/materials`,
      headers: { cookie, 'content-type': body.contentType },
      payload: body.payload,
    })
  }

  it('adds links and uploads, refuses a file that is not what it says, serves uploads as downloads, and removes them', async () => {
    const { app, handle } = get()
    const { event } = await buildEvent(handle.db, { title: 'Materials lab', startsAt: inDays(-5, 9) })
    const page = await admin.get(`/admin/events/${event.id}`)
    assert.match(page.body, /data-qa="add-material"/)
    assert.match(page.body, /enctype="multipart\/form-data"/)
    assert.match((await admin.get(`/cy/admin/events/${event.id}/materials`)).body, /Ychwanegu deunydd/)

    const link = await admin.post(`/admin/events/${event.id}/materials`, { kind: 'recording', title: 'The recording', url: 'https://video.example.org/lab' })
    assert.equal(link.statusCode, 303)
    const file = await upload(event.id, { kind: 'slides', title: 'Opening slides' }, { name: 'Opening slides (v2).pdf', content: pdf })
    assert.equal(file.statusCode, 303, /govuk-error-summary__list[\s\S]{0,400}/.exec(file.body)?.[0])

    const disguised = await upload(event.id, { kind: 'slides', title: 'Photo' }, { name: 'photo.pdf', content: png })
    assert.equal(disguised.statusCode, 400)
    assert.match(disguised.body, /href="#material-file">“photo.pdf” is not the kind of file its name says/)
    const wrongType = await upload(event.id, { kind: 'other', title: 'Page' }, { name: 'page.html', content: Buffer.from('<script>alert(1)</script>') })
    assert.match(wrongType.body, /“page.html” is not a file type that can be uploaded/)
    const big = await upload(
      event.id,
      { kind: 'notes', title: 'Big' },
      { name: 'big.pdf', content: Buffer.concat([pdf, Buffer.alloc(MAX_MATERIAL_BYTES + 10)]) },
    )
    assert.equal(big.statusCode, 400)
    assert.match(big.body, /larger than 5 MB/)
    const both = await upload(event.id, { kind: 'notes', title: 'Both', url: 'https://x.example.org' }, { name: 'a.pdf', content: pdf })
    assert.match(both.body, /Give a link or upload a file, not both/)
    const neither = await admin.post(`/admin/events/${event.id}/materials`, { kind: 'notes', title: 'Nothing' })
    assert.equal(neither.statusCode, 400)
    assert.match(neither.body, /Give a link or upload a file/)
    assert.match(neither.body, /value="Nothing"/, 'what was typed is kept')

    const rows = await handle.db.select().from(eventMaterials).where(eq(eventMaterials.eventId, event.id))
    assert.equal(rows.length, 2)
    const slides = rows.find((r) => r.kind === 'slides')!
    assert.equal(slides.fileName, 'Opening slides -v2-.pdf')
    assert.equal(slides.fileBytes, pdf.length)

    const shown = await app.inject(`/events/${event.slug}`)
    assert.match(shown.body, /href="https:\/\/video.example.org\/lab"/)
    assert.match(shown.body, new RegExp(`href="/events/${event.slug}/materials/${slides.id}"`))
    const download = await app.inject(`/events/${event.slug}/materials/${slides.id}`)
    assert.equal(download.statusCode, 200)
    assert.equal(download.headers['content-type'], 'application/pdf')
    assert.equal(download.headers['content-disposition'], 'attachment; filename="Opening slides -v2-.pdf"')
    assert.equal(download.headers['x-content-type-options'], 'nosniff')
    assert.deepEqual(download.rawPayload, pdf)
    assert.equal((await app.inject(`/events/another-slug/materials/${slides.id}`)).statusCode, 404)
    await handle.db.update(events).set({ status: 'draft' }).where(eq(events.id, event.id))
    assert.equal((await app.inject(`/events/${event.slug}/materials/${slides.id}`)).statusCode, 404, 'a draft event’s files are not public')
    await handle.db.update(events).set({ status: 'published' }).where(eq(events.id, event.id))

    const { event: other } = await buildEvent(handle.db)
    assert.equal((await admin.post(`/admin/events/${other.id}/materials/${slides.id}/remove`)).statusCode, 404)
    assert.equal((await admin.post(`/admin/events/${event.id}/materials/${slides.id}/remove`)).statusCode, 303)
    assert.equal((await app.inject(`/events/${event.slug}/materials/${slides.id}`)).statusCode, 404)
    assert.equal((await handle.db.select().from(eventMaterials).where(eq(eventMaterials.eventId, event.id))).length, 1)
  })
})
