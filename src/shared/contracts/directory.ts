import { z } from 'zod'
import { ACADEMIC_RANKS, DIRECTORY_SORTS, IDENTITY_ATTRIBUTES, MENTOR_KINDS, MENTOR_OFFERINGS, US_REGIONS } from '../enums.ts'
import { DEPARTMENT_IDS, SPECIALTY_IDS } from '../reference/specialties.ts'
import { text } from './common.ts'

/**
 * Orders a search can take: `relevance` (to the words), `name` (family name), and `fit` — fit to
 * the signed-in student, by the scores of "Mentors for you" (students with a profile only).
 */
export const DIRECTORY_SEARCH_SORTS = [...DIRECTORY_SORTS, 'fit'] as const
export type DirectorySearchSort = (typeof DIRECTORY_SEARCH_SORTS)[number]

/** Longest search text accepted; longer is a 400, not a slow query. */
export const DIRECTORY_QUERY_MAX = 200
/** Most values one facet filter may carry. */
export const DIRECTORY_FILTER_VALUES_MAX = 30

/** A repeated query parameter (`?offers=research&offers=letters`): one value or many, always a list after parsing. */
const many = <T extends z.ZodType>(item: T) =>
  z
    .union([item, z.array(item).max(DIRECTORY_FILTER_VALUES_MAX, `Choose at most ${DIRECTORY_FILTER_VALUES_MAX}.`)])
    .optional()
    .transform((value): z.output<T>[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]))

const StateCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, 'Use a two-letter state code, such as OH.')

export const DirectorySearchQuery = z.object({
  q: text(DIRECTORY_QUERY_MAX).optional(),
  specialty: many(z.enum(SPECIALTY_IDS as [string, ...string[]], 'Choose a specialty from the list.')),
  department: many(z.enum(DEPARTMENT_IDS as [string, ...string[]], 'Choose a department from the list.')),
  kind: many(z.enum(MENTOR_KINDS)),
  rank: many(z.enum(ACADEMIC_RANKS)),
  site: many(text(120).min(1)),
  state: many(StateCode),
  region: many(z.enum(US_REGIONS)),
  offers: many(z.enum(MENTOR_OFFERINGS)),
  accepting: z.enum(['true'], 'Use accepting=true, or leave it out.').optional(),
  language: many(text(40).min(1)),
  identity: many(z.enum(IDENTITY_ATTRIBUTES)),
  sort: z.enum(DIRECTORY_SEARCH_SORTS, 'Use sort=relevance, name or fit.').optional(),
  /** The words exactly as typed: no spelling correction when they match nobody. */
  exact: z.enum(['true'], 'Use exact=true, or leave it out.').optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
})
export type DirectorySearchQuery = z.output<typeof DirectorySearchQuery>

/** The facets a search is filtered and counted by; each is a query parameter of the same name. */
export const DIRECTORY_FACETS = ['specialty', 'department', 'kind', 'rank', 'site', 'state', 'region', 'offers', 'accepting', 'language', 'identity'] as const
export type DirectoryFacet = (typeof DIRECTORY_FACETS)[number]

/**
 * Facets whose chosen values must all hold (AND): a student who ticks "Letters" and "Mock
 * interviews" wants a mentor who offers both. In every other facet the values are alternatives
 * (OR): a mentor has one specialty, one site.
 */
export const DIRECTORY_ALL_OF_FACETS = ['offers'] as const satisfies readonly DirectoryFacet[]
export const isAllOfFacet = (facet: DirectoryFacet): boolean => (DIRECTORY_ALL_OF_FACETS as readonly DirectoryFacet[]).includes(facet)

/**
 * How fast a mentor usually answers students' requests, over the last 12 months: the median
 * hours from request to accept or decline, and the share answered (the rest expired).
 * `requests` 0: no request answered or expired yet (`waiting` may still hold some).
 */
export const MentorResponsiveness = z.object({
  requests: z.number().int(),
  /** Students' requests waiting for the mentor's answer now (not in `requests` until answered or expired). */
  waiting: z.number().int(),
  medianHours: z.number().nullable(),
  answeredShare: z.number().nullable(),
})
export type MentorResponsiveness = z.infer<typeof MentorResponsiveness>

export const DirectoryMentor = z
  .object({
    id: z.string(),
    name: z.string(),
    pronouns: z.string().nullable(),
    kind: z.enum(MENTOR_KINDS),
    departmentId: z.string().nullable(),
    departmentName: z.string().nullable(),
    specialtyId: z.string().nullable(),
    specialtyName: z.string().nullable(),
    subspecialty: z.string(),
    academicRank: z.enum(ACADEMIC_RANKS).nullable(),
    clinicalSite: z.string(),
    city: z.string(),
    state: z.string(),
    region: z.enum(US_REGIONS).nullable(),
    offers: z.array(z.enum(MENTOR_OFFERINGS)),
    /** Places for new mentees: capacity less active mentees (capacity until mentorships exist). */
    openPlaces: z.number().int(),
    accepting: z.boolean(),
    languages: z.array(z.string()),
    bioSnippet: z.string(),
    /** Present only when the mentor shares their identity with this viewer. */
    identity: z.array(z.enum(IDENTITY_ATTRIBUTES)).optional(),
    hasPhoto: z.boolean(),
    responsiveness: MentorResponsiveness,
    /** With `sort=fit` only, for mentors ranked by fit: why they fit, strongest first. */
    fitReasons: z.array(z.string()).optional(),
  })
  .meta({ id: 'DirectoryMentor' })
export type DirectoryMentor = z.infer<typeof DirectoryMentor>

export const FacetCount = z.object({ value: z.string(), label: z.string(), count: z.number().int() })
export type FacetCount = z.infer<typeof FacetCount>

export const DirectorySearchResponse = z
  .object({
    results: z.array(DirectoryMentor),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    sort: z.enum(DIRECTORY_SEARCH_SORTS),
    /** Why the order is not the one asked for (e.g. fit without a student profile), else null. */
    sortNotice: z.string().nullable(),
    /**
     * With `sort=fit`: how many results lead, ranked by fit, when that many end on or before this
     * page (the rest follow in the usual order); null when they reach past it, or without fit.
     */
    fitRanked: z.number().int().nullable(),
    /** Per facet, every value with its count under the search and all the other facets' filters. */
    facets: z.record(z.enum(DIRECTORY_FACETS), z.array(FacetCount)),
    /**
     * When the words as typed matched nobody and a corrected spelling (a close mentor name, or
     * specialty and interest words) matches someone: the corrected words, whose results these
     * are. `exact=true` turns this off.
     */
    showingResultsFor: z.string().nullable(),
    /** A close mentor name when the words matched nobody and no correction found anyone, else null. */
    didYouMean: z.string().nullable(),
  })
  .meta({ id: 'DirectorySearch' })
export type DirectorySearchResponse = z.infer<typeof DirectorySearchResponse>

export const DirectoryMentorProfile = DirectoryMentor.extend({
  bio: z.string(),
  researchInterests: z.string(),
  graduationYear: z.number().int().nullable(),
}).meta({ id: 'DirectoryMentorProfile' })
export type DirectoryMentorProfile = z.infer<typeof DirectoryMentorProfile>
