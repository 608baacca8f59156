import assert from 'node:assert/strict'

/** A browser in miniature over fetch: keeps its cookies, finds CSRF tokens in forms. */
export class Browser {
  private cookies = new Map<string, string>()

  async request(url: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<{ status: number; body: string }> {
    const response = await fetch(url, {
      method: init.method ?? 'GET',
      redirect: 'manual',
      headers: {
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(init.form ? { body: new URLSearchParams(init.form).toString() } : {}),
    })
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';')
      const at = pair!.indexOf('=')
      this.cookies.set(pair!.slice(0, at), pair!.slice(at + 1))
    }
    return { status: response.status, body: await response.text() }
  }

  async csrfFrom(url: string): Promise<string> {
    const page = await this.request(url)
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1]
    assert.ok(token, `no form with a CSRF token on ${url} (${page.status})`)
    return token
  }
}
