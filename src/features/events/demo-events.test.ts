import assert from 'node:assert/strict'
import { it } from 'node:test'
import { describeEachDatabase } from '../../../test/app.ts'
import { loadDemoContent } from '../demo/load-demo-content.ts'

describeEachDatabase('events in the demo', (get) => {
  it('has a past conference with its agenda, materials and outcomes, and two upcoming events, one nearly full', async () => {
    const { app, handle } = get()
    await loadDemoContent(handle.db)
    await loadDemoContent(handle.db)
    const list = await app.inject('/events')
    const upcoming = list.body.slice(list.body.indexOf('data-qa="upcoming-events"'), list.body.indexOf('data-qa="past-events"'))
    assert.equal((upcoming.match(/<h3 /g) ?? []).length, 2)
    assert.match(list.body, /data-qa="past-events"[\s\S]*Annual conference/)
    const conference = await app.inject('/events/annual-conference')
    assert.match(conference.body, /data-qa="materials"[\s\S]*Opening plenary slides/)
    assert.match(conference.body, /data-qa="outcomes"[\s\S]*Eleven councils/)
    assert.match(conference.body, /Workshop: buying locally/)
    const workshop = await app.inject('/events/community-energy-policy-lab-workshop')
    assert.match(workshop.body, /data-qa="places-left">2 places left/)
  })
})
