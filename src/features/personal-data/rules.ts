// What an erased account becomes: kept, so that what the person wrote stays attributed to
// something, but naming nobody.

/** The neutral name an erased account is shown under. */
export const erasedName = (userId: number) => `Former account ${userId}`

/** An address that can receive no mail (RFC 2606 .invalid), unique as users.email must be. */
export const erasedEmail = (userId: number) => `erased-${userId}@erased.invalid`

export const isErasedEmail = (email: string) => /^erased-\d+@erased\.invalid$/.test(email)

/** Whether a name is distinctive enough to be replaced in free text without mangling other words. */
export const nameReplaceable = (name: string) => name.trim().length >= 4 && !/["\\]/.test(name)
