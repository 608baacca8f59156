// What the log may say about a request or an email: never a secret. Links that sign someone in or
// set a password carry a random token (43 base64url characters) in their path; receipts and
// tokens may come as query parameters. Both are replaced before a line is written.

// Random tokens hold capitals; slugs (however long) are lower case.
const longToken = /(?<=\/)(?=[a-z0-9-]*[A-Z_])[A-Za-z0-9_-]{32,}(?=[/?#\s)>"']|$)/g
const secretParameters = /([?&](?:token|code|receipt|key|password|session)=)[^&#\s]*/gi

/** The text with every token-like path segment and secret query parameter replaced. */
export function redactSecrets(text: string): string {
  return text.replace(longToken, '[redacted]').replace(secretParameters, '$1[redacted]')
}

/** Fastify's request serializer, with the URL redacted (headers, cookies included, are never logged). */
export function redactedRequest(request: { method: string; url: string; host?: string; ip?: string; socket?: { remotePort?: number } }) {
  return { method: request.method, url: redactSecrets(request.url), host: request.host, remoteAddress: request.ip, remotePort: request.socket?.remotePort }
}
