/**
 * Rules of the student's program list, pure so they are table-tested. Who may read a student's
 * record is decided in one place for every residency module (`advising/student-records.ts`);
 * writes here are the student's own only (the routes allow students alone, on their own list).
 */

/**
 * A signal is a scarce, specialty-wide allowance (ERAS preference signals): the list never
 * holds more signalled programs than the profile says are available. Returns the field error,
 * or null when the change is allowed. Removing a signal is always allowed.
 */
export function signalCapProblem(available: number, signalledAfter: number, adding: boolean): string | null {
  if (!adding || signalledAfter <= available) return null
  if (available === 0) return 'Your profile says you have no signals for this specialty. Enter how many you have in your application profile first.'
  return `You have ${available} signal${available === 1 ? '' : 's'} and ${available === 1 ? 'it is' : 'all are'} in use. Remove a signal from another program first.`
}
