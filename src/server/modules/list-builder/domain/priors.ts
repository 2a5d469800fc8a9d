import { DEFAULT_PRIORS, type CoefficientBlock, type SmartPickPriors } from '#engines/smart-pick/index.ts'

function sameBlock(stored: unknown, reference: CoefficientBlock): stored is CoefficientBlock {
  if (typeof stored !== 'object' || stored === null) return false
  const block = stored as Partial<CoefficientBlock>
  const n = reference.names.length
  return (
    Array.isArray(block.names) &&
    block.names.length === n &&
    block.names.every((name, i) => name === reference.names[i]) &&
    Array.isArray(block.mean) &&
    block.mean.length === n &&
    block.mean.every((v) => typeof v === 'number' && Number.isFinite(v)) &&
    Array.isArray(block.covariance) &&
    block.covariance.length === n &&
    block.covariance.every((row) => Array.isArray(row) && row.length === n && row.every((v) => typeof v === 'number' && Number.isFinite(v)))
  )
}

/**
 * A stored calibration's priors, if they fit the model this build runs (same coefficient names
 * and sizes); null otherwise, and the caller falls back to the national priors. A calibration
 * saved by an older model version is not silently misread.
 */
export function readStoredPriors(stored: unknown): SmartPickPriors | null {
  if (typeof stored !== 'object' || stored === null) return null
  const priors = stored as Partial<SmartPickPriors>
  if (!sameBlock(priors.interview, DEFAULT_PRIORS.interview) || !sameBlock(priors.match, DEFAULT_PRIORS.match)) return null
  return {
    ...DEFAULT_PRIORS,
    ...priors,
    interview: { ...priors.interview, sources: priors.interview.sources ?? DEFAULT_PRIORS.interview.sources },
    match: { ...priors.match, sources: priors.match.sources ?? DEFAULT_PRIORS.match.sources },
  } as SmartPickPriors
}
