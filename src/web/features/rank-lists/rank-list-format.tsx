import type { RankListProgram, RankListReviewStatus } from '#shared/contracts/rank-lists.ts'
import { RANK_LIST_REVIEW_STATUS_LABELS } from '#shared/contracts/rank-lists.ts'
import { firstName, possessive } from '../../components/voice.ts'

export const TRACK_LABELS: Record<RankListProgram['track'], string> = {
  categorical: 'Categorical',
  preliminary: 'Preliminary (PGY-1)',
  advanced: 'Advanced (starts PGY-2)',
  reserved: 'Reserved (physician)',
}

export const NO_MATCH = 'No Match'

export const programName = (p: RankListProgram | null | undefined) => (p ? p.name : NO_MATCH)

/** A PGY-1 year for a supplemental list: preliminary, or Transitional Year. */
export const isFirstYear = (p: RankListProgram) => p.track === 'preliminary' || p.specialtyId === 'transitional-year'

export function ProgramSummary({ program, showInterview = true }: { program: RankListProgram | null; showInterview?: boolean }) {
  if (!program) return <span className="rol-program-name rol-no-match">{NO_MATCH}</span>
  return (
    <span className="rol-program">
      <span className="rol-program-name">{program.name}</span>
      <span className="rol-program-meta">
        {[program.institution, [program.city, program.state].filter(Boolean).join(', ')].filter(Boolean).join(' · ')}
        {' · '}
        {program.specialtyName}
        {program.track !== 'categorical' ? ` · ${TRACK_LABELS[program.track]}` : ''}
        <span className="rol-code"> · code {program.id}</span>
      </span>
      {showInterview && !program.interviewed ? <span className="tag rol-tag-warning">No interview marked</span> : null}
    </span>
  )
}

export function ReviewStatusTag({ status }: { status: RankListReviewStatus }) {
  return <span className={`tag rol-status rol-status-${status}`}>{RANK_LIST_REVIEW_STATUS_LABELS[status]}</span>
}

/**
 * The rule, in plain words, shown wherever a list is built or reviewed. Staff reviewing a list
 * read it as what to check the student's list against.
 */
export function TruePreferenceRule({ studentName }: { studentName?: string } = {}) {
  if (studentName) {
    const name = firstName(studentName)
    return (
      <div className="notice notice-info rol-rule">
        <p>
          <strong>
            {possessive(name)} list should be in the order {name} wants the programs.
          </strong>{' '}
          The algorithm favours the applicant’s choices: ranking a program lower because the chances there look low can only hurt {name}. Only programs that
          interviewed {name} can match them.
        </p>
      </div>
    )
  }
  return (
    <div className="notice notice-info rol-rule">
      <p>
        <strong>Rank programs in the order you want them.</strong> The algorithm favours your choices: ranking a program lower because you think your chances
        there are low can only hurt you. If a higher choice does not work out, you are considered at the next one exactly as if it had been your first.
      </p>
      <p className="field-hint">
        Only programs that interviewed you can match you. Rank every program you would be willing to train at, and none you would not.
      </p>
    </div>
  )
}
