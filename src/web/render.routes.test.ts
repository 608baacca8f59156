import assert from 'node:assert/strict'
import { it } from 'node:test'
import { agentWithSession } from '../../test/agent.ts'
import { describeEachDatabase } from '../../test/app.ts'

// reply.renderHtml places content in the layout rendered once per section with stand-ins
// (anonymous readers) or rendered in full (signed in): the search page is made this way.
describeEachDatabase('pages made as HTML inside the layout', (get) => {
  /** The page with what differs per response (nonce, CSRF token) blanked. */
  const steady = (html: string) => html.replace(/nonce="[^"]*"/g, 'nonce=""').replace(/name="_csrf" value="[^"]*"/g, '')

  it('gives an anonymous reader the layout as Nunjucks renders it, title escaped, nonce in place', async () => {
    const { app } = get()
    const res = await app.inject('/case-studies?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E%20%26%20%22x%22')
    assert.equal(res.statusCode, 200)
    assert.match(res.body, /<title>Search results for “&lt;script&gt;alert\(1\)&lt;\/script&gt; &amp; &quot;x&quot;” – [^<]+<\/title>/)
    assert.doesNotMatch(res.body, /<script>alert/)
    assert.doesNotMatch(res.body, /__coophub_/)
    const nonce = /script-src[^;]*'nonce-([^']+)'/.exec(String(res.headers['content-security-policy']))?.[1]
    assert.ok(nonce)
    assert.equal(
      res.body.match(/nonce="([^"]+)"/g)?.every((n) => n === `nonce="${nonce}"`),
      true,
    )
    assert.match(res.body, /<link rel="alternate" type="application\/atom\+xml"[^>]+href="\/case-studies.atom\?q=/)
    assert.match(res.body, /class="govuk-service-navigation__item govuk-service-navigation__item--active"/)
    assert.match(res.body, /data-qa="sign-in-link"/)
  })

  it('gives a signed-in reader the same page with their own links', async () => {
    const { app, handle } = get()
    const agent = await agentWithSession(app, handle.db, 'editor')
    const signedIn = await agent.get('/case-studies?q=council')
    const anonymous = await app.inject('/case-studies?q=council')
    assert.match(signedIn.body, /data-qa="sign-out"/)
    assert.doesNotMatch(signedIn.body, /data-qa="sign-in-link"/)
    // Apart from the account links, navigation items and the language switch (a form that saves the
    // choice when signed in, a link otherwise), the two pages are the same.
    const withoutNavigation = (html: string) =>
      steady(html)
        .replace(/<nav class="govuk-language-navigation[^]*?<\/nav>/, '')
        .replace(/<nav[^]*?<\/nav>/, '<nav></nav>')
        .replace(/<ul class="govuk-service-navigation__list"[^]*?<\/ul>/, '')
    assert.equal(withoutNavigation(signedIn.body), withoutNavigation(anonymous.body))
  })
})
