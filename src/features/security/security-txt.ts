// RFC 9116: where to report a vulnerability, in a file security researchers look for.

/** The address in a MAIL_FROM such as "coophub <no-reply@example.org>", or null when it is only local. */
export function mailFromContact(mailFrom: string): string | null {
  const address = (/<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom).trim()
  const domain = /^[^\s@]+@([^\s@]+)$/.exec(address)?.[1]?.toLowerCase()
  if (!domain || domain === 'localhost' || domain.endsWith('.localhost') || !domain.includes('.')) return null
  return `mailto:${address}`
}

/** Where reports go: SECURITY_CONTACT, else MAIL_FROM's address when it can receive mail from outside. */
export function securityContact(config: { securityContact: string | undefined; mailFrom: string }): string | null {
  return config.securityContact ?? mailFromContact(config.mailFrom)
}

/** The file is generated, so it always expires well ahead: 180 days from today, at midnight UTC. */
export function expiry(now: Date): Date {
  const day = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())
  return new Date(day + 180 * 86_400_000)
}

export function securityTxt(input: { contact: string; canonical: string; now: Date }): string {
  return [
    `Contact: ${input.contact}`,
    `Expires: ${expiry(input.now).toISOString().replace('.000Z', 'Z')}`,
    'Preferred-Languages: en, cy',
    `Canonical: ${input.canonical}`,
    '',
  ].join('\n')
}
