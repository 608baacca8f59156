// Transitional: the old name of result.ts while commands move over (removed when they have).
import type { FieldError } from './result.ts'
export { conflictError } from './result.ts'
export { isUniqueViolation } from '../db/unit-of-work.ts'
export type CommandResult<T> = { ok: true; value: T } | { ok: false; errors: FieldError[]; conflict?: boolean }
