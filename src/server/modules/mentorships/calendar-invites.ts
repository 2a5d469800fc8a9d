/**
 * Published for other modules (decision 003): the iCalendar writer of meetings and the way
 * e-mails write a moment in a zone, so an event's invite follows the same rules (stable UID,
 * growing SEQUENCE, METHOD:CANCEL; names quoted, links checked) without a second copy.
 */
export { locationText, meetingFile, meetingInvite, type CalendarMeeting } from './domain/ics.ts'
export { formatForEmail, fromLocal, toLocal } from './domain/time-zones.ts'
