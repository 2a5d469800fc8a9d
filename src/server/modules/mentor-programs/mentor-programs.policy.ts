import type { Actor } from '../../http/app-env.ts'

/**
 * Who may do what with a formal mentor program (decision 011). Routes already admit only the
 * roles named here; the service applies the participant rules, answering "not found" to a
 * student or mentor outside the program so its existence does not leak.
 *
 * - admins: everything — create, edit, conflicts, open ranking, run, edit pairs, publish, archive;
 * - advisors: read programs and draft pairs, never change them (they advise the students the
 *   pairs concern; the decision stays with the program's admins);
 * - students: their own ranking page, and "keep last year's mentor", in programs they are in;
 * - mentors: that they are in a program, who their mentees are once it is published, and
 *   "keep last year's mentee".
 */
export const PROGRAM_READERS = ['advisor', 'admin'] as const
export const PROGRAM_WRITERS = ['admin'] as const

export const canReadPrograms = (actor: Actor) => actor.roles.some((r) => r === 'advisor' || r === 'admin')
export const canWritePrograms = (actor: Actor) => actor.roles.includes('admin')
