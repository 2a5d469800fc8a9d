import type { MatchInstance } from '#engines/match/types.ts'

/**
 * The singles of an instance as a plain one-to-many market: couples and their members removed
 * (from programs' lists too), no supplemental lists, no tracks, no reversions. On it the engine
 * must return the applicant-optimal stable matching, the same as textbook deferred acceptance.
 */
export function singlesOnly(instance: MatchInstance): MatchInstance {
  const coupled = new Set<string>()
  for (const couple of instance.couples ?? []) for (const member of couple.members) coupled.add(member)
  return {
    programs: instance.programs.map((program) => ({
      id: program.id,
      capacity: program.capacity,
      ranks: program.ranks.filter((applicant) => !coupled.has(applicant)),
    })),
    applicants: instance.applicants.filter((applicant) => !coupled.has(applicant.id)).map((applicant) => ({ id: applicant.id, ranks: applicant.ranks })),
  }
}
