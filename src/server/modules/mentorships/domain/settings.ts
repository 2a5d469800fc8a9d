/** Mentorship settings an admin may change (table `mentorship_settings`), with their defaults and bounds. */
export const MENTORSHIP_SETTING_DEFAULTS = {
  /** Open requests (requested or viewed) a student may have at once. */
  maxOpenRequests: 5,
  /** Days after which an unanswered request expires. */
  requestExpiryDays: 14,
  /** Day after sending on which the mentor is reminded of an unanswered request. */
  requestReminderDay: 7,
  /** Expired requests within `pauseWindowDays` that pause a mentor. */
  pauseAfterExpiries: 3,
  pauseWindowDays: 90,
  /** Weeks without a meeting after which both sides of an active mentorship are nudged. */
  quietWeeks: 6,
} as const

export type MentorshipSettings = { -readonly [K in keyof typeof MENTORSHIP_SETTING_DEFAULTS]: number }
export type MentorshipSettingKey = keyof MentorshipSettings

export const MENTORSHIP_SETTING_BOUNDS: Record<MentorshipSettingKey, readonly [number, number]> = {
  maxOpenRequests: [1, 50],
  requestExpiryDays: [2, 90],
  requestReminderDay: [1, 89],
  pauseAfterExpiries: [1, 50],
  pauseWindowDays: [7, 365],
  quietWeeks: [1, 52],
}

/** The stored values over the defaults; unknown keys are ignored. */
export function resolveSettings(stored: readonly { key: string; value: number }[]): MentorshipSettings {
  const settings: MentorshipSettings = { ...MENTORSHIP_SETTING_DEFAULTS }
  for (const { key, value } of stored) if (key in settings) settings[key as MentorshipSettingKey] = value
  return settings
}
