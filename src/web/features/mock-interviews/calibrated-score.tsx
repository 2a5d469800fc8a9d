import type { CalibratedScore } from '#shared/contracts/mock-interviews.ts'
import { oneDecimal } from './mock-format.ts'

/** The raw score beside the adjusted one, with its range and the sentence that explains it. */
export function CalibratedScoreView({ score, scale }: { score: CalibratedScore; scale: number }) {
  return (
    <div className="mock-calibrated">
      <dl className="mock-score-pair">
        <div>
          <dt>Raw score</dt>
          <dd>
            {oneDecimal(score.raw)} <span className="mock-scale">of {scale}</span>
          </dd>
        </div>
        <div>
          <dt>Adjusted for the interviewer</dt>
          <dd>
            {oneDecimal(score.adjusted)}{' '}
            <span className="mock-scale">
              (likely {oneDecimal(score.low)} to {oneDecimal(score.high)})
            </span>
          </dd>
        </div>
      </dl>
      <p className="mock-words">{score.words}</p>
    </div>
  )
}
