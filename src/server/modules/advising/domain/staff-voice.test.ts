import { describe, expect, it } from 'vitest'
import { aboutStudent } from './staff-voice.ts'

describe('aboutStudent', () => {
  it('speaks of the student by first name instead of "your" and "you"', () => {
    expect(aboutStudent('shares your interest in dermatology', 'Maya Robinson')).toBe('shares Maya’s interest in dermatology')
    expect(aboutStudent('Your second specialty interest; near you', 'Maya Robinson')).toBe('Maya’s second specialty interest; near Maya')
    expect(aboutStudent('young mentors, layout', 'Maya Robinson')).toBe('young mentors, layout')
    expect(aboutStudent('the specialty you have declared, as you are', 'Maya Robinson')).toBe('the specialty Maya has declared, as Maya is')
  })
})
