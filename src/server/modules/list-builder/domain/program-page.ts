import { CHANCE_TIERS, type BuilderProgram, type ChanceTier, type ListBuilderResponse } from '#shared/contracts/list-builder.ts'
import type { UsRegion } from '#shared/enums.ts'

/** Which programs a page shows: filters, then `limit` programs from `offset`. */
export type ProgramPageQuery = { tier?: ChanceTier | undefined; region?: UsRegion | undefined; fits?: boolean | undefined; offset: number; limit: number }

/**
 * One page of the list builder's programs. The model weighs every program (the recommended count,
 * the curve and the tiers do not depend on the page); only what the page shows is sent, so a
 * specialty of 800 programs costs a phone 25 of them. The counts per tier are over every program,
 * `matching` over those passing the filters.
 */
export function pageOfPrograms(
  all: readonly BuilderProgram[],
  query: ProgramPageQuery,
): { programs: BuilderProgram[]; programPage: ListBuilderResponse['programPage'] } {
  const byTier = Object.fromEntries(CHANCE_TIERS.map((t) => [t, 0])) as Record<ChanceTier, number>
  for (const p of all) byTier[p.tier] += 1
  const matching = all.filter(
    (p) =>
      (query.tier === undefined || p.tier === query.tier) && (query.region === undefined || p.region === query.region) && (!query.fits || p.fitsPreferences),
  )
  return {
    programs: matching.slice(query.offset, query.offset + query.limit),
    programPage: { offset: query.offset, limit: query.limit, matching: matching.length, total: all.length, byTier },
  }
}
