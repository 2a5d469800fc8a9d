/**
 * The rules of a rank order list, as the NRMP states them (Main Residency Match rules and the
 * couples and supplemental-list guides; summarized in `docs/data/residency-facts.md`):
 *
 * - A program appears once on a single applicant's primary list.
 * - A couple's lists are read line by line: partners submit lists of equal length, each line a
 *   pair of programs; one partner (never both) may pair a program with "No Match". The same
 *   program may appear on several lines of one partner's list, paired with different programs
 *   of the other's; the same pair twice is a duplicate.
 * - A supplemental list of PGY-1 positions (preliminary or transitional-year programs) is
 *   attached to an advanced program on the primary list; it is not coupled.
 *
 * Ranking a program without an interview is allowed (the NRMP does not stop it, and a student
 * may not yet have marked an interview in their program list), but it is flagged: a program
 * that has not interviewed an applicant will not rank them, so the line is wasted.
 *
 * Pure: no I/O. Returns every error and warning at once, keyed by the field the web page shows.
 */

export type ProgramFacts = { id: string; name: string; track: 'categorical' | 'preliminary' | 'advanced' | 'reserved'; specialtyId: string }

export type RankLine = { programId: string | null; partnerProgramId?: string | null | undefined }
export type SupplementalInput = { advancedProgramId: string; entries: readonly { programId: string }[] }

export type ValidationInput = {
  primary: readonly RankLine[]
  supplemental: readonly SupplementalInput[]
  /** Every program the lists name that exists. */
  programs: ReadonlyMap<string, ProgramFacts>
  /** Programs the student's program list marks as interviewed. */
  interviewed: ReadonlySet<string>
  /** Programs the partner's program list marks as interviewed (a confirmed couple only). */
  partnerInterviewed?: ReadonlySet<string>
  /** True when the student is in a confirmed couple: lines carry the partner's program. */
  coupled: boolean
}

export type Issue = { field: string; message: string }
export type ValidationResult = { errors: Issue[]; warnings: Issue[] }

/** A program that fills a PGY-1 year: preliminary, or any track of the Transitional Year specialty. */
export function isFirstYearProgram(program: ProgramFacts): boolean {
  return program.track === 'preliminary' || program.specialtyId === 'transitional-year'
}

export function validateRankList(input: ValidationInput): ValidationResult {
  const errors: Issue[] = []
  const warnings: Issue[] = []
  const { programs } = input
  const nameOf = (id: string) => programs.get(id)?.name ?? id

  const seenSingle = new Map<string, number>()
  const seenPair = new Map<string, number>()
  input.primary.forEach((line, i) => {
    const at = `primary.${i}`
    const rank = i + 1
    const mine = line.programId
    if (mine !== null && !programs.has(mine)) errors.push({ field: `${at}.programId`, message: `There is no program with the id "${mine}".` })

    if (!input.coupled) {
      if (line.partnerProgramId !== undefined)
        errors.push({ field: `${at}.partnerProgramId`, message: 'Only a confirmed couple ranks a partner’s program on each line.' })
      if (mine === null) {
        errors.push({ field: `${at}.programId`, message: '"No Match" is only for a line of a couple’s list. Choose a program or remove the line.' })
        return
      }
      const earlier = seenSingle.get(mine)
      if (earlier !== undefined)
        errors.push({ field: `${at}.programId`, message: `${nameOf(mine)} is already at rank ${earlier}. A program appears once on your list.` })
      else seenSingle.set(mine, rank)
    } else {
      if (line.partnerProgramId === undefined) {
        errors.push({ field: `${at}.partnerProgramId`, message: 'On a couple’s list every line names your partner’s program too (or "No Match").' })
        return
      }
      const theirs = line.partnerProgramId
      if (theirs !== null && !programs.has(theirs)) errors.push({ field: `${at}.partnerProgramId`, message: `There is no program with the id "${theirs}".` })
      if (mine === null && theirs === null) {
        errors.push({ field: `${at}.programId`, message: 'A line cannot be "No Match" for both of you. Choose a program for at least one partner.' })
        return
      }
      const key = `${mine ?? ''}|${theirs ?? ''}`
      const earlier = seenPair.get(key)
      if (earlier !== undefined) errors.push({ field: `${at}.programId`, message: `This pair of programs is already at line ${earlier}.` })
      else seenPair.set(key, rank)
      if (theirs !== null && programs.has(theirs) && input.partnerInterviewed && !input.partnerInterviewed.has(theirs)) {
        warnings.push({ field: `${at}.partnerProgramId`, message: `Your partner has not marked an interview at ${nameOf(theirs)}.` })
      }
    }
    if (mine !== null && programs.has(mine) && !input.interviewed.has(mine)) {
      warnings.push({
        field: `${at}.programId`,
        message: `You have not marked an interview at ${nameOf(mine)}. A program ranks only applicants it interviewed.`,
      })
    }
  })

  const onPrimary = new Set(input.primary.map((l) => l.programId).filter((id): id is string => id !== null))
  const attached = new Set<string>()
  input.supplemental.forEach((list, s) => {
    const at = `supplemental.${s}`
    const advanced = programs.get(list.advancedProgramId)
    if (!advanced) {
      errors.push({ field: `${at}.advancedProgramId`, message: `There is no program with the id "${list.advancedProgramId}".` })
    } else if (advanced.track !== 'advanced') {
      errors.push({
        field: `${at}.advancedProgramId`,
        message: `${advanced.name} is not an advanced program. Supplemental lists attach to advanced (PGY-2) programs only.`,
      })
    } else if (!onPrimary.has(advanced.id)) {
      errors.push({
        field: `${at}.advancedProgramId`,
        message: `${advanced.name} is not on your primary list. Rank the advanced program first, then attach its supplemental list.`,
      })
    }
    if (attached.has(list.advancedProgramId))
      errors.push({ field: `${at}.advancedProgramId`, message: 'This advanced program already has a supplemental list.' })
    attached.add(list.advancedProgramId)

    const seen = new Map<string, number>()
    list.entries.forEach((entry, i) => {
      const field = `${at}.entries.${i}.programId`
      const program = programs.get(entry.programId)
      if (!program) {
        errors.push({ field, message: `There is no program with the id "${entry.programId}".` })
        return
      }
      if (!isFirstYearProgram(program))
        errors.push({ field, message: `${program.name} is not a preliminary or transitional-year program. A supplemental list holds PGY-1 programs only.` })
      const earlier = seen.get(program.id)
      if (earlier !== undefined) errors.push({ field, message: `${program.name} is already at rank ${earlier} of this supplemental list.` })
      else seen.set(program.id, i + 1)
      if (!input.interviewed.has(program.id)) warnings.push({ field, message: `You have not marked an interview at ${program.name}.` })
    })
  })

  // An advanced position starts in the second year: without a PGY-1 list the student could match
  // to it with no first year to start from.
  input.primary.forEach((line, i) => {
    const program = line.programId ? programs.get(line.programId) : undefined
    if (program?.track === 'advanced' && !attached.has(program.id)) {
      warnings.push({
        field: `primary.${i}.programId`,
        message: `${program.name} starts in the second year. Attach a supplemental list of PGY-1 programs, or make sure you have a first year elsewhere.`,
      })
    }
  })

  return { errors, warnings }
}

/**
 * Pads two partners' primary lists to equal length with "No Match" (null) lines, as they stand
 * when the couple is confirmed: every existing line keeps its rank.
 */
export function pairLists<T extends { programId: string | null }>(mine: readonly T[], theirs: readonly T[], noMatch: () => T): { mine: T[]; theirs: T[] } {
  const length = Math.max(mine.length, theirs.length)
  const pad = (list: readonly T[]) => [...list, ...Array.from({ length: length - list.length }, noMatch)]
  return { mine: pad(mine), theirs: pad(theirs) }
}

/** A list after its couple is unlinked: "No Match" lines dropped, the rest renumbered in order. */
export function unpairList<T extends { programId: string | null }>(list: readonly T[]): (T & { programId: string })[] {
  const kept: (T & { programId: string })[] = []
  const seen = new Set<string>()
  for (const entry of list) {
    if (entry.programId === null || seen.has(entry.programId)) continue
    seen.add(entry.programId)
    kept.push(entry as T & { programId: string })
  }
  return kept
}

export type StoredReview = { status: 'draft' | 'submitted' | 'signed-off'; version: number; signedOffVersion: number | null }

/** What reviewers see: a signed-off list edited afterwards reads "changed since signed off". */
export function reviewStatusOf(list: StoredReview | null): 'draft' | 'submitted' | 'signed-off' | 'changed-since-sign-off' {
  if (!list) return 'draft'
  if (list.signedOffVersion !== null)
    return list.signedOffVersion === list.version ? 'signed-off' : list.status === 'submitted' ? 'submitted' : 'changed-since-sign-off'
  return list.status === 'signed-off' ? 'signed-off' : list.status
}
