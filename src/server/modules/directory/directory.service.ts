import type { Database } from '#server/db/client.ts'
import {
  DIRECTORY_FACETS,
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
import { REVISION_OVERLAP, type DirectoryRepository } from './directory.repository.ts'
import { DirectoryIndex, type FacetFilters, type IndexedMentor } from './domain/directory-index.ts'
import { parseTsquery } from './domain/tsquery.ts'

/** Places still open per mentor (capacity minus active mentees); owned by the mentorships module. */
export type OpenPlacesOf = (mentorIds: readonly string[]) => Promise<Map<string, number>>

export type DirectoryDeps = { db: Database; repo: DirectoryRepository; audit: AuditService; openPlacesOf?: OpenPlacesOf }

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

function toDto(mentor: IndexedMentor, identityVisible: boolean, openPlaces: number): DirectoryMentor {
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
  const appliedRevision = new Map<string, number>()
  let refreshing: Promise<void> | null = null

  async function readChanges(): Promise<void> {
    let from = Math.max(0, index.revision - REVISION_OVERLAP)
    for (;;) {
      const rows = await repo.findChangesSince(from)
      for (const row of rows) {
        if ((appliedRevision.get(row.id) ?? 0) >= row.revision) continue
        appliedRevision.set(row.id, row.revision)
        const mentor = toIndexed(row)
        if (mentor) index.upsert(mentor, row.document)
        else index.remove(row.id)
        if (row.revision > index.revision) index.revision = row.revision
      }
      const last = rows.at(-1)
      if (!last || rows.length < 5_000) return
      from = last.revision
    }
  }

  /** Brings the index up to `revision`; concurrent searches share one refresh. */
  async function catchUp(revision: number): Promise<void> {
    for (let attempt = 0; attempt < 3 && index.revision < revision; attempt++) {
      refreshing ??= readChanges().finally(() => {
        refreshing = null
      })
      await refreshing
    }
  }

  async function searchMentors(actor: Actor, query: DirectorySearchQuery, meta: RequestMeta | null): Promise<DirectorySearchResponse> {
    const q = query.q?.trim() || null
    const { revision, tsquery } = await repo.readRevisionAndQuery(q)
    await catchUp(revision)
    // Words that are all stop words ("the", "and") parse to nothing and filter nothing.
    const tree = tsquery ? parseTsquery(tsquery) : null
    const sort = query.sort ?? (tree ? 'relevance' : 'name')
    const filters = Object.fromEntries(DIRECTORY_FACETS.map((facet) => [facet, facet === 'accepting' ? (query.accepting ? ['true'] : []) : query[facet]])) as unknown as FacetFilters
    const result = index.search(
      { personId: actor.personId, seesIdentity: identityLevelsVisibleTo(actor) },
      { query: tree, filters, sort, offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
    )

    let didYouMean: string | null = null
    if (q && tree && result.textMatches === 0) {
      // In memory, by the same measure as pg_trgm's `word_similarity` (`repo.findCloseNames` is the SQL form).
      didYouMean = index.closestName(q, DID_YOU_MEAN_MIN_SIMILARITY)?.name ?? null
    }

    const identityShown = result.hits.some((hit) => hit.identityVisible && hit.mentor.id !== actor.personId && hit.mentor.identity.length > 0)
    if (meta && (identityShown || filters.identity.length > 0)) {
      // Self-identified identity is sensitive (decision 006): a search that shows or filters by it is recorded, never its content.
      await audit.record({ actorId: actor.personId, action: 'directory.identity-read', objectType: 'directory-search' }, meta)
    }

    const open = await openPlacesFor(result.hits.map((hit) => hit.mentor))
    return {
      results: result.hits.map((hit) => toDto(hit.mentor, hit.identityVisible, open.get(hit.mentor.id) ?? hit.mentor.capacity)),
      total: result.total,
      page: query.page,
      pageSize: query.pageSize,
      sort,
      facets: result.facets,
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
    const open = await openPlacesFor([mentor])
    return { ...toDto(mentor, identityVisible, open.get(mentor.id) ?? mentor.capacity), bio: row.bio, researchInterests: row.researchInterests, graduationYear: row.graduationYear }
  }

  return {
    searchMentors,
    getMentor,
    /** Loads the index now rather than on the first search (start-up, benchmarks). */
    async warm(): Promise<number> {
      const { revision } = await repo.readRevisionAndQuery(null)
      await catchUp(revision)
      return index.size
    },
  }
}

export type DirectoryService = ReturnType<typeof createDirectoryService>
