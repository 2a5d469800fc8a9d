import { InstanceError } from './instance-error.ts'
import { PROGRAM_TRACKS, type MatchInstance } from './types.ts'

type Json = Record<string, unknown>

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * The largest capacity the engine holds: capacities live in 32-bit integer arrays, and a
 * reversion adds one program's unfilled positions to another's, so the total must fit too.
 */
export const MAX_CAPACITY = 2 ** 31 - 1

/** The fields of each object of format v1; any other field is refused (a typo such as `revertto` would otherwise be ignored silently). */
const FIELDS = {
  instance: ['programs', 'applicants', 'couples'],
  program: ['id', 'capacity', 'ranks', 'track', 'revertTo'],
  applicant: ['id', 'ranks', 'supplemental'],
  supplemental: ['for', 'ranks'],
  couple: ['id', 'members', 'ranks'],
} as const

function expectKnownFields(value: Json, fields: readonly string[], path: string): void {
  for (const key in value) {
    if (!fields.includes(key)) throw new InstanceError(path === '$' ? key : `${path}.${key}`, `unknown field (expected ${fields.join(', ')})`)
  }
}

function expectArray(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) throw new InstanceError(path, 'must be an array')
  return value
}

function expectId(value: unknown, path: string): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new InstanceError(path, 'must be a non-empty string id')
  }
  return value
}

function expectKnown(id: string, known: ReadonlyMap<string, unknown>, path: string, kind: string): void {
  if (!known.has(id)) throw new InstanceError(path, `unknown ${kind} id "${id}"`)
}

/** A rank order list: known ids, none twice. */
function checkRankList(value: unknown, path: string, known: ReadonlyMap<string, unknown>, kind: string): string[] {
  const list = expectArray(value, path)
  const seen = new Set<string>()
  list.forEach((entry, k) => {
    const id = expectId(entry, `${path}[${k}]`)
    expectKnown(id, known, `${path}[${k}]`, kind)
    if (seen.has(id)) throw new InstanceError(`${path}[${k}]`, `"${id}" is ranked twice`)
    seen.add(id)
  })
  return list as string[]
}

/**
 * Checks that `input` is a well-formed match instance (format v1) and returns it typed.
 *
 * Beyond types it enforces what the NRMP's rules and Roth & Peranson (1999), AER 89(4):748–780,
 * take for granted: ids are unique and known, no list ranks an id twice, capacities are
 * non-negative integers the engine can hold (at most {@link MAX_CAPACITY}, in total too), objects
 * carry no field the format does not define, couple members rank only through their couple and belong to one
 * couple, reversions (`revertTo`) form no cycle, and a supplemental list hangs off advanced
 * programs and names only PGY-1 (non-advanced) programs.
 *
 * @throws InstanceError with `path` naming the offending entry, e.g. `programs[3].ranks[7]`.
 */
export function validateInstance(input: unknown): MatchInstance {
  if (!isObject(input)) throw new InstanceError('$', 'instance must be an object')
  expectKnownFields(input, FIELDS.instance, '$')
  const programs = expectArray(input.programs, 'programs')
  const applicants = expectArray(input.applicants, 'applicants')
  const couples = input.couples === undefined ? [] : expectArray(input.couples, 'couples')

  const programIndex = new Map<string, number>()
  const tracks: string[] = []
  let totalCapacity = 0
  programs.forEach((program, i) => {
    const path = `programs[${i}]`
    if (!isObject(program)) throw new InstanceError(path, 'must be an object')
    expectKnownFields(program, FIELDS.program, path)
    const id = expectId(program.id, `${path}.id`)
    if (programIndex.has(id)) throw new InstanceError(`${path}.id`, `duplicate program id "${id}"`)
    programIndex.set(id, i)
    const capacity = program.capacity
    if (typeof capacity !== 'number' || !Number.isInteger(capacity) || capacity < 0) {
      throw new InstanceError(`${path}.capacity`, 'must be a non-negative integer')
    }
    if (capacity > MAX_CAPACITY) throw new InstanceError(`${path}.capacity`, `must be at most ${MAX_CAPACITY}`)
    totalCapacity += capacity
    if (totalCapacity > MAX_CAPACITY) {
      throw new InstanceError(`${path}.capacity`, `brings the total capacity of all programs over ${MAX_CAPACITY}`)
    }
    const track = program.track ?? 'categorical'
    if (typeof track !== 'string' || !(PROGRAM_TRACKS as readonly string[]).includes(track)) {
      throw new InstanceError(`${path}.track`, `must be one of ${PROGRAM_TRACKS.join(', ')}`)
    }
    tracks.push(track)
  })

  const applicantIndex = new Map<string, number>()
  applicants.forEach((applicant, i) => {
    const path = `applicants[${i}]`
    if (!isObject(applicant)) throw new InstanceError(path, 'must be an object')
    expectKnownFields(applicant, FIELDS.applicant, path)
    const id = expectId(applicant.id, `${path}.id`)
    if (applicantIndex.has(id)) {
      throw new InstanceError(`${path}.id`, `duplicate applicant id "${id}"`)
    }
    applicantIndex.set(id, i)
  })

  // Second pass: lists may name programs and applicants declared anywhere.
  programs.forEach((program, i) => {
    const path = `programs[${i}]`
    const p = program as Json
    checkRankList(p.ranks, `${path}.ranks`, applicantIndex, 'applicant')
    if (p.revertTo !== undefined) {
      const target = expectId(p.revertTo, `${path}.revertTo`)
      expectKnown(target, programIndex, `${path}.revertTo`, 'program')
    }
  })
  checkReversionCycles(programs as Json[], programIndex)

  applicants.forEach((applicant, i) => {
    const path = `applicants[${i}]`
    const a = applicant as Json
    checkRankList(a.ranks, `${path}.ranks`, programIndex, 'program')
    if (a.supplemental === undefined) return
    const lists = expectArray(a.supplemental, `${path}.supplemental`)
    const advancedSeen = new Set<string>()
    lists.forEach((list, j) => {
      const listPath = `${path}.supplemental[${j}]`
      if (!isObject(list)) throw new InstanceError(listPath, 'must be an object')
      expectKnownFields(list, FIELDS.supplemental, listPath)
      const forIds = checkRankList(list.for, `${listPath}.for`, programIndex, 'program')
      forIds.forEach((id, k) => {
        if (tracks[programIndex.get(id) ?? -1] !== 'advanced') {
          throw new InstanceError(`${listPath}.for[${k}]`, `"${id}" is not an advanced program`)
        }
        if (advancedSeen.has(id)) {
          throw new InstanceError(`${listPath}.for[${k}]`, `"${id}" already has a supplemental list`)
        }
        advancedSeen.add(id)
      })
      const ranks = checkRankList(list.ranks, `${listPath}.ranks`, programIndex, 'program')
      ranks.forEach((id, k) => {
        if (tracks[programIndex.get(id) ?? -1] === 'advanced') {
          throw new InstanceError(`${listPath}.ranks[${k}]`, `"${id}" is an advanced program; supplemental lists rank PGY-1 programs`)
        }
      })
    })
  })

  const coupleIds = new Set<string>()
  const coupleOf = new Map<string, number>()
  couples.forEach((couple, i) => {
    const path = `couples[${i}]`
    if (!isObject(couple)) throw new InstanceError(path, 'must be an object')
    expectKnownFields(couple, FIELDS.couple, path)
    const id = expectId(couple.id, `${path}.id`)
    if (coupleIds.has(id)) throw new InstanceError(`${path}.id`, `duplicate couple id "${id}"`)
    coupleIds.add(id)
    const members = expectArray(couple.members, `${path}.members`)
    if (members.length !== 2) throw new InstanceError(`${path}.members`, 'must list two applicants')
    members.forEach((member, k) => {
      const memberPath = `${path}.members[${k}]`
      const memberId = expectId(member, memberPath)
      expectKnown(memberId, applicantIndex, memberPath, 'applicant')
      const previous = coupleOf.get(memberId)
      if (previous !== undefined) {
        throw new InstanceError(memberPath, previous === i ? `"${memberId}" is listed twice` : `"${memberId}" is already in couples[${previous}]`)
      }
      coupleOf.set(memberId, i)
      const own = (applicants[applicantIndex.get(memberId) ?? -1] as Json).ranks as unknown[]
      if (own.length > 0) {
        throw new InstanceError(memberPath, `"${memberId}" is in a couple but has its own ranks`)
      }
    })
    const lines = expectArray(couple.ranks, `${path}.ranks`)
    const seenLines = new Set<string>()
    lines.forEach((line, k) => {
      const linePath = `${path}.ranks[${k}]`
      if (!Array.isArray(line) || line.length !== 2) {
        throw new InstanceError(linePath, 'must be a pair [program or null, program or null]')
      }
      line.forEach((entry, side) => {
        if (entry === null) return
        const programId = expectId(entry, `${linePath}[${side}]`)
        expectKnown(programId, programIndex, `${linePath}[${side}]`, 'program')
      })
      if (line[0] === null && line[1] === null) {
        throw new InstanceError(linePath, 'a line must name at least one program')
      }
      const key = JSON.stringify(line)
      if (seenLines.has(key)) throw new InstanceError(linePath, 'this pair is ranked twice')
      seenLines.add(key)
    })
  })

  return input as MatchInstance
}

function checkReversionCycles(programs: Json[], programIndex: ReadonlyMap<string, number>): void {
  // 0 = unvisited, 1 = on the current path, 2 = known to end without a cycle.
  const state = new Uint8Array(programs.length)
  for (let start = 0; start < programs.length; start++) {
    const path: number[] = []
    let i: number | undefined = start
    while (i !== undefined && state[i] === 0) {
      state[i] = 1
      path.push(i)
      const target: unknown = programs[i]?.revertTo
      i = typeof target === 'string' ? programIndex.get(target) : undefined
    }
    if (i !== undefined && state[i] === 1) {
      throw new InstanceError(`programs[${i}].revertTo`, 'reversions form a cycle')
    }
    for (const j of path) state[j] = 2
  }
}
