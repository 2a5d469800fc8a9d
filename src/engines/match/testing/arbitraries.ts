import fc from 'fast-check'
import type { CoupleRankLine, MatchInstance, ProgramInput, ProgramTrack } from '../types.ts'

export type InstanceFeatures = {
  couples?: boolean
  supplemental?: boolean
  reversions?: boolean
  maxPrograms?: number
  maxApplicants?: number
}

/**
 * Small random match instances for property tests: every id known, no list with an id twice,
 * reversions only towards later programs (so never a cycle), supplemental lists only for
 * advanced programs and naming only PGY-1 programs.
 */
export function instanceArbitrary(features: InstanceFeatures = {}): fc.Arbitrary<MatchInstance> {
  const maxPrograms = features.maxPrograms ?? 6
  const maxApplicants = features.maxApplicants ?? 14
  return fc
    .record({
      programCount: fc.integer({ min: 1, max: maxPrograms }),
      applicantCount: fc.integer({ min: 1, max: maxApplicants }),
      coupleCount: fc.integer({ min: 0, max: features.couples ? 3 : 0 }),
    })
    .chain(({ programCount, applicantCount, coupleCount }) => {
      const programIds = Array.from({ length: programCount }, (_, i) => `P${i}`)
      const applicantIds = Array.from({ length: applicantCount }, (_, i) => `A${i}`)
      const couples = Math.min(coupleCount, Math.floor(applicantCount / 2))
      const memberIds = applicantIds.slice(0, 2 * couples)
      const line = fc.tuple(fc.option(fc.constantFrom(...programIds)), fc.option(fc.constantFrom(...programIds)))
      return fc
        .record({
          programs: fc.tuple(
            ...programIds.map((id, i) =>
              fc.record({
                id: fc.constant(id),
                capacity: fc.integer({ min: 0, max: 3 }),
                ranks: fc.shuffledSubarray(applicantIds),
                track: fc.constantFrom<ProgramTrack>(
                  ...(features.supplemental ? (['categorical', 'advanced', 'preliminary'] as const) : (['categorical'] as const)),
                ),
                revertTo:
                  features.reversions && i < programCount - 1
                    ? fc.option(fc.integer({ min: i + 1, max: programCount - 1 }), { nil: undefined })
                    : fc.constant(undefined),
              }),
            ),
          ),
          applicantRanks: fc.tuple(...applicantIds.map(() => fc.shuffledSubarray(programIds))),
          supplementalRanks: fc.tuple(...applicantIds.map(() => fc.shuffledSubarray(programIds, { maxLength: Math.min(3, programIds.length) }))),
          coupleLines: fc.tuple(...Array.from({ length: couples }, () => fc.uniqueArray(line, { maxLength: 6, selector: (pair) => JSON.stringify(pair) }))),
        })
        .map(({ programs, applicantRanks, supplementalRanks, coupleLines }) => {
          const tracks = new Map(programs.map((p) => [p.id, p.track]))
          const programsOut: ProgramInput[] = programs.map((p) => ({
            id: p.id,
            capacity: p.capacity,
            ranks: p.ranks,
            track: p.track,
            ...(p.revertTo === undefined ? {} : { revertTo: programIds[p.revertTo] as string }),
          }))
          const instance: MatchInstance = {
            programs: programsOut,
            applicants: applicantIds.map((id, a) => {
              const ranks = memberIds.includes(id) ? [] : (applicantRanks[a] as string[])
              const advanced = programIds.filter((p) => tracks.get(p) === 'advanced')
              const pgy1 = (supplementalRanks[a] as string[]).filter((p) => tracks.get(p) !== 'advanced')
              if (!features.supplemental || advanced.length === 0 || pgy1.length === 0) return { id, ranks }
              return { id, ranks, supplemental: [{ for: advanced, ranks: pgy1 }] }
            }),
            couples: coupleLines.map((lines, c) => ({
              id: `C${c}`,
              members: [memberIds[2 * c] as string, memberIds[2 * c + 1] as string],
              ranks: lines.filter(([p, q]) => p !== null || q !== null) as CoupleRankLine[],
            })),
          }
          return instance
        })
    })
}

/** The same instance with every array (and the order of supplemental lists) permuted. */
export function shuffleInstance(instance: MatchInstance, seed: number): MatchInstance {
  let state = seed >>> 0 || 1
  const next = (): number => {
    state ^= state << 13
    state ^= state >>> 17
    state ^= state << 5
    return (state >>> 0) / 2 ** 32
  }
  const shuffled = <T>(items: readonly T[]): T[] => {
    const out = [...items]
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1))
      ;[out[i], out[j]] = [out[j] as T, out[i] as T]
    }
    return out
  }
  return {
    programs: shuffled(instance.programs),
    applicants: shuffled(
      instance.applicants.map((a) =>
        a.supplemental === undefined ? a : { ...a, supplemental: shuffled(a.supplemental.map((s) => ({ ...s, for: shuffled(s.for) }))) },
      ),
    ),
    couples: shuffled(instance.couples ?? []),
  }
}
