import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import type { Agent } from './agent.ts'

// Helpers for the admin route tests: raw posts (bytes the Agent cannot send) and reading forms.

/** Posts a raw body with the agent's cookies; `_csrf` is put first when `csrf` is true. */
export async function rawPost(
  app: FastifyInstance,
  agent: Agent,
  url: string,
  payload: Buffer | string,
  options: { csrf?: boolean; contentType?: string } = {},
): Promise<LightMyRequestResponse> {
  const token = await agent.csrf()
  const cookie = ['coophub_session', 'coophub_csrf']
    .map((name) => (agent.cookie(name) ? `${name}=${agent.cookie(name)}` : ''))
    .filter(Boolean)
    .join('; ')
  const prefix = options.csrf === false ? Buffer.alloc(0) : Buffer.from(`_csrf=${encodeURIComponent(token)}&`)
  const body = Buffer.concat([prefix, Buffer.isBuffer(payload) ? payload : Buffer.from(payload)])
  return app.inject({ method: 'POST', url, headers: { cookie, 'content-type': options.contentType ?? 'application/x-www-form-urlencoded' }, payload: body })
}

/** The value of a form's hidden or text input by name, decoded from HTML. */
export function inputValue(html: string, name: string): string | undefined {
  const match = new RegExp(`<input[^>]*name="${name}"[^>]*value="([^"]*)"`).exec(html) ?? new RegExp(`<input[^>]*value="([^"]*)"[^>]*name="${name}"`).exec(html)
  return match?.[1]
    ?.replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
}

/** The error summary's links, as `#field message` strings. */
export function summaryLinks(html: string): string[] {
  const summary = /<div class="govuk-error-summary"[\s\S]*?<\/ul>/.exec(html)?.[0] ?? ''
  return [...summary.matchAll(/<a href="(#[^"]+)">([^<]*)<\/a>/g)].map((m) => `${m[1]} ${m[2]!.replace(/&#39;/g, "'").replace(/&amp;/g, '&')}`)
}
