// How much a bid to a call asks for. Policy labs and prototypes spend money over months, so their
// bids carry a plan and a budget; an expression of interest, an idea for the work programme or an
// event session is a short note from the same model, with no milestones and no budget lines.
import type { CallKind } from '../../../db/schema/enums.ts'

export type BidFormLength = 'full' | 'short'

const shortKinds: ReadonlySet<CallKind> = new Set(['action-learning-eoi', 'work-programme-idea', 'event-session'])

export const bidFormLength = (kind: CallKind): BidFormLength => (shortKinds.has(kind) ? 'short' : 'full')
