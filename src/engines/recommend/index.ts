/**
 * "Mentors for you": a pure, explained ranking of mentors for one student. No I/O, no clock,
 * no randomness. See docs/recommend-and-pairing.md.
 */
export { recommendBounds, recommendMentors, unitHash, type RecommendBounds } from './recommend-mentors.ts'
export { DEFAULT_RECOMMEND_WEIGHTS, type RecommendWeights } from './weights.ts'
export { mentorWordKeys, sharedWords, topicalWords } from './text.ts'
export * from './types.ts'
