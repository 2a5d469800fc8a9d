import { MENTOR_PROGRAM_STATUS_LABELS, PAIRING_METHOD_LABELS, type MentorProgramStatus, type PairingMethod } from '#shared/contracts/mentor-programs.ts'

export const statusLabel = (status: MentorProgramStatus) => MENTOR_PROGRAM_STATUS_LABELS[status]
export const methodLabel = (method: PairingMethod) => PAIRING_METHOD_LABELS[method]

/** What happens next in a program, in a sentence for whoever runs it. */
export function nextStep(status: MentorProgramStatus, method: PairingMethod): string {
  switch (status) {
    case 'draft':
      return method === 'student-ranks'
        ? 'Check the participants and conflicts, then open the ranking to the students.'
        : 'Check the participants and conflicts, then run the pairing.'
    case 'ranking':
      return 'Students are ranking their mentors. Run the pairing when the ranking deadline has passed.'
    case 'review':
      return 'Review the draft pairs, change any that need it, then publish.'
    case 'published':
      return 'Published: the mentorships have begun and both sides were e-mailed.'
    case 'archived':
      return 'Archived.'
  }
}

export function formatDay(iso: string | null): string {
  if (!iso) return '—'
  return new Date(iso).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' })
}

export const formatFit = (fit: number | null) => (fit === null ? '—' : fit.toFixed(1))
