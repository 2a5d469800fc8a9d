/** At most this many goals are carried over; the rest of the text stays on the request. */
export const MAX_CARRIED_GOALS = 10
const MAX_GOAL_LENGTH = 300

/**
 * The goals a student wrote in a request, as the mentorship's first goals: one per line, list
 * markers ("- ", "* ", "1.", "2)") dropped; a single paragraph is one goal. A goal longer than a
 * goal title may be is cut at a word with an ellipsis.
 */
export function goalsFromRequest(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*(?:[-*•]|\d{1,2}[.)])\s+/, '').trim())
    .filter((line) => line.length > 0)
    .slice(0, MAX_CARRIED_GOALS)
    .map((line) => (line.length <= MAX_GOAL_LENGTH ? line : `${line.slice(0, MAX_GOAL_LENGTH - 1).replace(/\s+\S*$/, '')}…`))
}
