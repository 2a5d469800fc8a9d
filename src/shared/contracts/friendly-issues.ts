/**
 * Plain-words messages for the checks the shared contracts leave to zod's defaults
 * ("Too small: expected number to be >=1990" becomes "Enter a number of at least 1990.").
 * The web app's forms and the server's validation both use it, so a person reads the same
 * words whichever side caught the mistake.
 */
export function friendlyIssue(issue: { code?: string; input?: unknown; [key: string]: unknown }): string | undefined {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'number') return `Enter a number of at least ${String(issue.minimum)}.`
      if (issue.origin === 'string') return 'This field is required.'
      return undefined
    case 'too_big':
      if (issue.origin === 'number') return `Enter a number no higher than ${String(issue.maximum)}.`
      return undefined
    case 'invalid_type':
      if (issue.expected === 'number' || issue.expected === 'int') return 'Enter a whole number.'
      return 'This field is required.'
    case 'invalid_value':
      return 'Choose one of the options.'
    case 'unrecognized_keys':
      return 'This form sent something unexpected. Reload the page and try again.'
    default:
      return undefined
  }
}
