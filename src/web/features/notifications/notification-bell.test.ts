import { describe, expect, it } from 'vitest'
import { bellLabel } from './notification-bell.tsx'

describe('the bell’s accessible name', () => {
  it('says how many are unread, and nothing more when none are', () => {
    expect(bellLabel(3)).toBe('Notifications, 3 unread')
    expect(bellLabel(1)).toBe('Notifications, 1 unread')
    expect(bellLabel(0)).toBe('Notifications')
  })
})
