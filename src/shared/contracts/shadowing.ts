import { z } from '@hono/zod-openapi'
import { REQUIREMENT_STATES, REQUIREMENT_VERIFICATIONS } from '../enums.ts'
import { OPPORTUNITY_KINDS, SHADOWING_BOOKING_STATUSES } from '../enums.ts'
import { instant, IsoDate, multilineText, requiredText, text } from './common.ts'

const Instant = instant('2027-03-10T13:00:00Z')

/** A shadowing day as its poster adds it: when, where, what to wear and bring, how many students. */
export const ShadowingSlotInput = z.object({
  startAt: Instant,
  endAt: Instant,
  site: text(200).default(''),
  dressCode: text(300).default(''),
  whatToBring: text(300).default(''),
  places: z.number('Give a number of places.').int('Use a whole number.').min(1, 'At least 1 place.').max(50, 'At most 50.').default(1),
})
export type ShadowingSlotInput = z.infer<typeof ShadowingSlotInput>

export const ShadowingBookingRef = z.object({
  id: z.string(),
  status: z.enum(SHADOWING_BOOKING_STATUSES),
  /** Whether the student may still cancel it (until 24 hours before the day). */
  canCancel: z.boolean(),
})

export const ShadowingSlotView = z.object({
  id: z.string(),
  startAt: z.string(),
  endAt: z.string(),
  site: z.string(),
  dressCode: z.string(),
  whatToBring: z.string(),
  places: z.number().int(),
  placesLeft: z.number().int(),
  /** The caller's own booking of this slot, if they hold one. */
  myBooking: ShadowingBookingRef.nullable(),
})
export type ShadowingSlotView = z.infer<typeof ShadowingSlotView>

export const ShadowingSlotList = z.object({
  /** Days still ahead first, soonest first; removed ones left out. */
  slots: z.array(ShadowingSlotView),
  /** Whether the caller may book a day now (a student of its audience, published, holding no day of it already). */
  canBook: z.boolean(),
  /** Why a student may not book, in words (a requirement missing or expired, already booked); null when they may or are not a student. */
  blockedBecause: z.string().nullable(),
})
export type ShadowingSlotList = z.infer<typeof ShadowingSlotList>

/** The poster's view of who booked each day. */
export const ShadowingBookingView = z.object({
  id: z.string(),
  slotId: z.string(),
  studentId: z.string(),
  studentName: z.string(),
  studentEmail: z.string(),
  status: z.enum(SHADOWING_BOOKING_STATUSES),
  createdAt: z.string(),
  /** The experience entry made once the day has passed, for the poster to confirm. */
  experience: z.object({ id: z.string(), hours: z.number().int().nullable(), confirmed: z.boolean() }).nullable(),
})
export const ShadowingBookingList = z.object({ bookings: z.array(ShadowingBookingView) })
export type ShadowingBookingList = z.infer<typeof ShadowingBookingList>

/** A student's own bookings, across opportunities. */
export const MyShadowingBooking = z.object({
  id: z.string(),
  opportunityId: z.string(),
  opportunityTitle: z.string(),
  startAt: z.string(),
  endAt: z.string(),
  site: z.string(),
  status: z.enum(SHADOWING_BOOKING_STATUSES),
  createdAt: z.string(),
  cancelledAt: z.string().nullable(),
})
export const MyShadowingBookingList = z.object({ bookings: z.array(MyShadowingBooking) })
export type MyShadowingBookingList = z.infer<typeof MyShadowingBookingList>

/** A requirement as the office sets it: for every opportunity of a kind, or for one opportunity. */
export const RequirementInput = z
  .object({
    name: requiredText(120),
    description: multilineText(1000).default(''),
    verification: z.enum(REQUIREMENT_VERIFICATIONS, 'Choose who vouches for it: the student or the office.'),
    opportunityKind: z.enum(OPPORTUNITY_KINDS, 'Choose a kind of opportunity from the list.').nullable().default(null),
    opportunityId: z.uuid('Not a valid opportunity id.').nullable().default(null),
  })
  .superRefine((input, ctx) => {
    if ((input.opportunityKind === null) === (input.opportunityId === null))
      ctx.addIssue({ code: 'custom', path: ['opportunityKind'], message: 'Choose either a kind of opportunity or one opportunity.' })
  })
export type RequirementInput = z.infer<typeof RequirementInput>

export const RequirementView = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  verification: z.enum(REQUIREMENT_VERIFICATIONS),
  opportunityKind: z.enum(OPPORTUNITY_KINDS).nullable(),
  opportunityId: z.string().nullable(),
  /** "Shadowing" or the one opportunity's title. */
  appliesTo: z.string(),
})
export type RequirementView = z.infer<typeof RequirementView>
export const RequirementList = z.object({ requirements: z.array(RequirementView) })
export type RequirementList = z.infer<typeof RequirementList>

/** A requirement with one student's standing on it (computed on each read). */
export const RequirementStanding = RequirementView.extend({
  state: z.enum(REQUIREMENT_STATES),
  completedOn: z.string().nullable(),
  expiresOn: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  verifiedByName: z.string().nullable(),
  /** Why it stops an application or booking, in words; null when met. */
  problem: z.string().nullable(),
})
export type RequirementStanding = z.infer<typeof RequirementStanding>
export const RequirementStandingList = z.object({ studentName: z.string(), requirements: z.array(RequirementStanding) })
export type RequirementStandingList = z.infer<typeof RequirementStandingList>

/** A student records a requirement: when they completed it and when it expires. */
export const RequirementRecordInput = z
  .object({
    completedOn: IsoDate,
    expiresOn: IsoDate.nullable().default(null),
  })
  .superRefine((input, ctx) => {
    if (input.expiresOn && input.expiresOn <= input.completedOn)
      ctx.addIssue({ code: 'custom', path: ['expiresOn'], message: 'The expiry must be after the day it was completed.' })
  })
export type RequirementRecordInput = z.infer<typeof RequirementRecordInput>

/** A student's record of a requirement the office verifies, waiting for it (the office's queue). */
export const VerificationQueueItem = z.object({
  requirementId: z.string(),
  requirementName: z.string(),
  appliesTo: z.string(),
  studentId: z.string(),
  studentName: z.string(),
  completedOn: z.string(),
  expiresOn: z.string().nullable(),
  /** When the student recorded it (or last changed it). */
  recordedAt: z.string(),
  /** Computed from the expiry and the school's today: expired, expiring within 30 days, or fine. */
  expiry: z.enum(['expired', 'expires-soon', 'valid', 'no-expiry']),
})
export type VerificationQueueItem = z.infer<typeof VerificationQueueItem>
export const VerificationQueue = z.object({
  items: z.array(VerificationQueueItem),
  /** True when more are waiting than the queue shows at once. */
  more: z.boolean(),
})
export type VerificationQueue = z.infer<typeof VerificationQueue>
