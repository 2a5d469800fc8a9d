import { LETTER_NOTICE_DAYS, type LetterRequestView } from '#shared/contracts/letters.ts'
import { LETTER_STATUS_LABELS, type LetterPurpose, type LetterStatus } from '#shared/enums.ts'
import { specialtyName } from '../profiles/labels.ts'
import { MS_PER_DAY } from '#shared/time.ts'

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' })

/** A due date is a calendar date (YYYY-MM-DD): shown as that day on the viewer's calendar. */
function localDate(isoDate: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate)
  if (!match) return null
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]))
}

/** Whole days from today (the viewer's today) to the date; negative once it has passed. */
export function daysUntil(isoDate: string, now = new Date()): number | null {
  const date = localDate(isoDate)
  if (!date) return null
  const today = new Date(now.getFullYear(), now.getMonth(), now.getDate())
  return Math.round((date.getTime() - today.getTime()) / MS_PER_DAY)
}

export function formatDueDate(isoDate: string): string {
  const date = localDate(isoDate)
  return date ? dateFormat.format(date) : isoDate
}

export function relativeDays(days: number): string {
  if (days === 0) return 'today'
  if (days === 1) return 'tomorrow'
  if (days === -1) return 'yesterday'
  return days > 0 ? `in ${days} days` : `${-days} days ago`
}

/** "Nov 30, 2026 (in 12 days)" */
export function dueText(isoDate: string): string {
  const days = daysUntil(isoDate)
  return days === null ? isoDate : `${formatDueDate(isoDate)} (${relativeDays(days)})`
}

/** Writers need about four weeks; the form warns below that, as the server does. */
export function isShortNotice(isoDate: string): boolean {
  const days = daysUntil(isoDate)
  return days !== null && days < LETTER_NOTICE_DAYS
}

export function purposeText(request: { purpose: LetterPurpose; specialtyId: string | null; programName: string | null }): string {
  if (request.purpose === 'specialty') return request.specialtyId ? `${specialtyName(request.specialtyId)} applications` : 'Specialty applications'
  if (request.purpose === 'program') return request.programName ? `Program: ${request.programName}` : 'A named program'
  return 'General letter'
}

export function statusLabel(status: LetterStatus): string {
  return LETTER_STATUS_LABELS[status]
}

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

export function isOpenStatus(status: LetterStatus): boolean {
  return status === 'requested' || status === 'accepted' || status === 'in-progress'
}

export function isDoneStatus(status: LetterStatus): boolean {
  return status === 'submitted' || status === 'delivered'
}

export function byDueDate(a: LetterRequestView, b: LetterRequestView): number {
  return a.dueDate.localeCompare(b.dueDate) || a.createdAt.localeCompare(b.createdAt)
}

/** A packet document's name mid-sentence: "your CV" keeps its capitals, "your personal statement" does not. */
export function packetNoun(label: string): string {
  return label === 'CV' ? label : label.toLowerCase()
}
