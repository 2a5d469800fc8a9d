import type { Database } from '#server/db/client.ts'
import { createRevisionFollower } from '#server/db/revision-follower.ts'
import { correctWordsByName } from './domain/name-trigrams.ts'
import {
  DIRECTORY_FACETS,
  type MentorResponsiveness,
  type DirectoryMentor,
  type DirectoryMentorProfile,
  type DirectorySearchQuery,
  type DirectorySearchResponse,
} from '#shared/contracts/directory.ts'
import { AppError } from '#shared/errors.ts'
import { DEPARTMENTS, SPECIALTIES } from '#shared/reference/specialties.ts'
import { regionOfState } from '#shared/reference/regions.ts'
import type { Actor, RequestMeta } from '../../http/app-env.ts'
import type { AuditService } from '../audit/audit.service.ts'
import { canViewIdentity } from '../profiles/profiles.policy.ts'
import { identityLevelsVisibleTo, isListedInDirectory } from './directory.policy.ts'
import type { DirectoryRepository } from './directory.repository.ts'
import { DirectoryIndex, type FacetFilters, type IndexedMentor } from './domain/directory-index.ts'
import { parseTsquery, type QueryNode } from './domain/tsquery.ts'

/** Places still open per mentor (capacity minus active mentees); owned by the mentorships module. */
export type OpenPlacesOf = (mentorIds: readonly string[]) => Promise<Map<string, number>>

/** How fast mentors answer requests (the recommendations module's figures, from the mentorships tables). */
export type ResponseStatsOf = (mentorIds: readonly string[]) => Promise<Map<string, MentorResponsiveness>>

/**
 * "Sort by fit to me": the best `limit` of `mentorIds` (null: of every listed mentor) for this student, best first, with reasons;
 * null when the caller has no student profile (the recommendations module).
 */
export type FitOf = (
  actor: Actor,
  mentorIds: readonly string[] | null,
  limit: number,
) => Promise<{ mentorId: string; reasons: string[]; identityUsed: boolean }[] | null>

export type DirectoryDeps = {
  db: Database
  repo: DirectoryRepository
  audit: AuditService
  openPlacesOf?: OpenPlacesOf
  responseStatsOf?: ResponseStatsOf
  fitOf?: FitOf
}

/** A mentor nobody has asked yet. */
const NO_REQUESTS: MentorResponsiveness = { requests: 0, waiting: 0, medianHours: null, answeredShare: null }

export const FIT_NEEDS_PROFILE = 'Sorting by fit to you needs your student profile (your specialties and the help you want); showing the usual order instead.'

/** A close name is offered as "did you mean" from this pg_trgm word similarity up. */
export const DID_YOU_MEAN_MIN_SIMILARITY = 0.4
const SNIPPET_LENGTH = 180
const NOT_LISTED = 'No such mentor, or they are not listed in the directory.'

const SPECIALTY_NAMES = new Map(SPECIALTIES.map((s) => [s.id, s.name]))
const DEPARTMENT_NAMES = new Map(DEPARTMENTS.map((d) => [d.id, d.name]))

/** The first sentence or so of a bio, cut at a word. */
export function bioSnippet(bio: string): string {
  const clean = bio.replace(/\s+/g, ' ').trim()
  if (clean.length <= SNIPPET_LENGTH) return clean
  const cut = clean.slice(0, SNIPPET_LENGTH)
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), SNIPPET_LENGTH / 2)).replace(/[,;:.]$/, '')}…`
}

function toDto(mentor: IndexedMentor, identityVisible: boolean, openPlaces: number, responsiveness: MentorResponsiveness = NO_REQUESTS): DirectoryMentor {
  return {
    id: mentor.id,
    name: mentor.name,
    pronouns: mentor.pronouns,
    kind: mentor.kind,
    departmentId: mentor.departmentId,
    departmentName: mentor.departmentId ? (DEPARTMENT_NAMES.get(mentor.departmentId) ?? null) : null,
    specialtyId: mentor.specialtyId,
    specialtyName: mentor.specialtyId ? (SPECIALTY_NAMES.get(mentor.specialtyId) ?? null) : null,
    subspecialty: mentor.subspecialty,
    academicRank: mentor.academicRank,
    clinicalSite: mentor.clinicalSite,
    city: mentor.city,
    state: mentor.state,
    region: regionOfState(mentor.state),
    offers: mentor.offers,
    openPlaces,
    accepting: mentor.accepting,
    languages: mentor.languages,
    bioSnippet: bioSnippet(mentor.bioSnippet),
    ...(identityVisible ? { identity: mentor.identity } : {}),
    hasPhoto: mentor.hasPhoto,
    responsiveness,
  }
}

type MentorRow = Awaited<ReturnType<DirectoryRepository['findChangesSince']>>[number]

function toIndexed(row: MentorRow): IndexedMentor | null {
  if (!row.listed || row.kind === null || row.name === null) return null
  return {
    id: row.id,
    name: row.name,
    pronouns: row.pronouns,
    kind: row.kind,
    departmentId: row.departmentId,
    specialtyId: row.specialtyId,
    subspecialty: row.subspecialty ?? '',
    academicRank: row.academicRank,
    clinicalSite: row.clinicalSite ?? '',
    city: row.city ?? '',
    state: row.state ?? '',
    offers: row.offers ?? [],
    capacity: row.capacity ?? 0,
    accepting: row.accepting ?? false,
    languages: row.languages ?? [],
    identity: row.identity ?? [],
    identityVisibility: row.identityVisibility ?? 'private',
    bioSnippet: row.bioSnippet ?? '',
    hasPhoto: Boolean(row.hasPhoto),
  }
}

/**
 * Mentor search. Each server process keeps a `DirectoryIndex` and, before every search, reads
 * the newest `directory_entries.revision` (in the same round trip that has PostgreSQL parse the
 * search words); when it moved, the changed rows are read and applied. So a profile edit in any
 * process shows in the next search in every process, and the server keeps no state the database
 * does not also hold.
 */
export function createDirectoryService(deps: DirectoryDeps) {
  const { repo, audit } = deps
  const index = new DirectoryIndex()

  /** Open places for the mentors on one page: one query, never over the whole index. */
  async function openPlacesFor(mentors: readonly IndexedMentor[]): Promise<Map<string, number>> {
    if (!deps.openPlacesOf || mentors.length === 0) return new Map(mentors.map((m) => [m.id, m.capacity]))
    return deps.openPlacesOf(mentors.map((m) => m.id))
  }
  const follower = createRevisionFollower({
    readChangesSince: (revision, limit) => repo.findChangesSince(revision, limit),
    apply: (row) => {
      const mentor = toIndexed(row)
      if (mentor) index.upsert(mentor, row.document, row.researchInterests ?? '')
      else index.remove(row.id)
    },
    // The first load reads every mentor: in reads and steps short enough that a request
    // arriving meanwhile (the first page after a start) waits milliseconds, not the whole load.
    batchSize: 1_000,
    yieldEvery: 100,
  })

  /**
   * Corrections of words that matched nobody, closest first: the listed name nearest by pg_trgm's
   * `word_similarity` (in memory; `repo.findCloseNames` is the SQL form) and the words corrected
   * against the topic vocabulary, each from its threshold up.
   */
  function spellingCorrections(q: string): string[] {
    const candidates: { text: string; similarity: number }[] = []
    const name = index.closestName(q, DID_YOU_MEAN_MIN_SIMILARITY)
    if (name) candidates.push({ text: correctWordsByName(q, name.name, DID_YOU_MEAN_MIN_SIMILARITY), similarity: name.similarity })
    const topics = index.correctTopics(q)
    if (topics) candidates.push(topics)
    return candidates.sort((a, b) => b.similarity - a.similarity).map((c) => c.text)
  }

  async function responsivenessOf(ids: readonly string[]): Promise<Map<string, MentorResponsiveness>> {
    return deps.responseStatsOf && ids.length > 0 ? deps.responseStatsOf(ids) : new Map()
  }

  async function searchMentors(actor: Actor, query: DirectorySearchQuery, meta: RequestMeta | null): Promise<DirectorySearchResponse> {
    const q = query.q?.trim() || null
    const { revision, tsquery } = await repo.readRevisionAndQuery(q)
    await follower.catchUp(revision)
    // Words that are all stop words ("the", "and") parse to nothing and filter nothing.
    let tree = tsquery ? parseTsquery(tsquery) : null
    const wantsFit = query.sort === 'fit'
    const filters = Object.fromEntries(
      DIRECTORY_FACETS.map((facet) => [facet, facet === 'accepting' ? (query.accepting ? ['true'] : []) : query[facet]]),
    ) as unknown as FacetFilters
    const viewer = { personId: actor.personId, seesIdentity: identityLevelsVisibleTo(actor) }
    const offset = (query.page - 1) * query.pageSize
    const sortFor = (words: QueryNode | null) => (query.sort === 'fit' || query.sort === undefined ? (words ? 'relevance' : 'name') : query.sort)
    let result = index.search(viewer, { query: tree, filters, sort: sortFor(tree), offset, limit: query.pageSize, collectIds: wantsFit })

    // Words that match nobody are most likely misspelled: search the closest correction at once
    // (a listed name, or specialty and interest words) and say so, rather than show nothing.
    let showingResultsFor: string | null = null
    let didYouMean: string | null = null
    if (q && tree && result.textMatches === 0) {
      const corrections = spellingCorrections(q)
      for (const correction of query.exact ? [] : corrections) {
        const parsed = await repo.readRevisionAndQuery(correction)
        const correctedTree = parsed.tsquery ? parseTsquery(parsed.tsquery) : null
        if (!correctedTree) continue
        const corrected = index.search(viewer, {
          query: correctedTree,
          filters,
          sort: sortFor(correctedTree),
          offset,
          limit: query.pageSize,
          collectIds: wantsFit,
        })
        if (corrected.textMatches === 0) continue
        tree = correctedTree
        result = corrected
        showingResultsFor = correction
        break
      }
      // Nothing found even corrected (or `exact`): a close name is still worth offering.
      if (showingResultsFor === null) didYouMean = index.closestName(q, DID_YOU_MEAN_MIN_SIMILARITY)?.name ?? null
    }
    const sort = sortFor(tree)

    // Fit to the student: the matches recommendable to them, best first, then everyone else in
    // the usual order. Only the first offset + pageSize by fit are ever scored.
    let hits = result.hits
    let fitRanked: number | null = null
    let sortNotice: string | null = null
    const fitReasons = new Map<string, string[]>()
    let fitNamesIdentity = false
    if (wantsFit) {
      // Every listed mentor matched (browsing): no restriction to pass along.
      const everyone = result.total === index.size
      const ranked = deps.fitOf ? await deps.fitOf(actor, everyone ? null : (result.ids ?? []), offset + query.pageSize) : null
      if (ranked === null) sortNotice = FIT_NEEDS_PROFILE
      else {
        const wanted = offset + query.pageSize
        // Fewer than asked: every recommendable match is ranked, so this is their number.
        fitRanked = ranked.length < wanted ? ranked.length : null
        for (const r of ranked) fitReasons.set(r.mentorId, r.reasons)
        fitNamesIdentity = ranked.slice(offset, wanted).some((r) => r.identityUsed)
        const page = ranked.slice(offset, wanted).flatMap((r) => index.hitFor(viewer, r.mentorId) ?? [])
        if (page.length < query.pageSize) {
          // The rest of the page: matches not ranked by fit, in the usual order.
          const skip = Math.max(0, offset - ranked.length)
          const rest = index.search(viewer, { query: tree, filters, sort, offset: 0, limit: skip + query.pageSize + ranked.length })
          const unranked = rest.hits.filter((hit) => !fitReasons.has(hit.mentor.id))
          page.push(...unranked.slice(skip, skip + query.pageSize - page.length))
        }
        hits = page
      }
    }

    const identityShown = hits.some((hit) => hit.identityVisible && hit.mentor.id !== actor.personId && hit.mentor.identity.length > 0)
    if (meta && (identityShown || fitNamesIdentity || filters.identity.length > 0)) {
      // Self-identified identity is sensitive (decision 006): a search that shows or filters by it is recorded, never its content.
      await audit.record({ actorId: actor.personId, action: 'directory.identity-read', objectType: 'directory-search' }, meta)
    }

    const pageIds = hits.map((hit) => hit.mentor.id)
    const [open, speed] = await Promise.all([openPlacesFor(hits.map((hit) => hit.mentor)), responsivenessOf(pageIds)])
    return {
      results: hits.map((hit) => {
        const dto = toDto(hit.mentor, hit.identityVisible, open.get(hit.mentor.id) ?? hit.mentor.capacity, speed.get(hit.mentor.id))
        const reasons = fitReasons.get(hit.mentor.id)
        return reasons ? { ...dto, fitReasons: reasons } : dto
      }),
      total: result.total,
      page: query.page,
      pageSize: query.pageSize,
      sort: wantsFit && sortNotice === null ? 'fit' : sort,
      sortNotice,
      fitRanked,
      facets: result.facets,
      showingResultsFor,
      didYouMean,
    }
  }

  async function getMentor(actor: Actor, personId: string, meta: RequestMeta | null): Promise<DirectoryMentorProfile> {
    const row = await repo.findListedMentorIncludeBio(personId)
    // The database's `listed` flag and the policy say the same; asking both guards against drift.
    if (!row || !isListedInDirectory({ ...row, hasMentorProfile: true })) throw new AppError('NOT_FOUND', NOT_LISTED)
    const mentor = toIndexed({ ...row, document: '', bioSnippet: row.bio })
    if (!mentor) throw new AppError('NOT_FOUND', NOT_LISTED)
    const identityVisible = canViewIdentity(actor, personId, mentor.identityVisibility)
    if (meta && identityVisible && actor.personId !== personId && mentor.identity.length > 0) {
      await audit.record({ actorId: actor.personId, action: 'profile.identity-read', objectType: 'person', objectId: personId }, meta)
    }
    const [open, speed] = await Promise.all([openPlacesFor([mentor]), responsivenessOf([mentor.id])])
    return {
      ...toDto(mentor, identityVisible, open.get(mentor.id) ?? mentor.capacity, speed.get(mentor.id)),
      bio: row.bio,
      researchInterests: row.researchInterests,
      graduationYear: row.graduationYear,
    }
  }

  return {
    searchMentors,
    getMentor,
    /** Loads the index now rather than on the first search (start-up, benchmarks). */
    async warm(): Promise<number> {
      const { revision } = await repo.readRevisionAndQuery(null)
      await follower.catchUp(revision)
      return index.size
    },
  }
}

export type DirectoryService = ReturnType<typeof createDirectoryService>
