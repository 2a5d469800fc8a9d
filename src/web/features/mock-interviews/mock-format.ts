import type { RubricCompetency, SlotView } from '#shared/contracts/mock-interviews.ts'
import { MOCK_INTERVIEW_KIND_LABELS } from '#shared/enums.ts'
import { formatMoment, formatTime } from '../../components/format.ts'

/** "Tue, Dec 8, 2026, 11:00 AM – 11:30 AM" in the viewer's zone and clock. */
export function slotWhen(slot: Pick<SlotView, 'startAt' | 'endAt'>): string {
  return `${formatMoment(slot.startAt, { weekday: 'short', month: 'short', day: 'numeric', year: 'numeric', hour: 'numeric', minute: '2-digit' })} – ${formatTime(slot.endAt)}`
}

export const slotDate = (slot: Pick<SlotView, 'startAt'>) => formatMoment(slot.startAt, { month: 'short', day: 'numeric', year: 'numeric' })

/** "Traditional · Dermatology". */
export const slotWhat = (slot: SlotView) => `${MOCK_INTERVIEW_KIND_LABELS[slot.kind]} · ${slot.specialtyName}`

/** Where: the room, or "Online" (with the link once it is the reader's to have). */
export function slotWhere(slot: SlotView): string {
  if (slot.place === 'in-person') return slot.room
  return slot.onlineLink ? `Online: ${slot.onlineLink}` : 'Online (the link comes with the booking)'
}

/** The rubric's words for a score: "4 · Strong". */
export function levelLabel(competency: RubricCompetency | undefined, score: number): string {
  const level = competency?.levels.find((l) => l.score === score)
  return level ? `${score} · ${level.label}` : String(score)
}

export const oneDecimal = (value: number) => value.toFixed(1)
