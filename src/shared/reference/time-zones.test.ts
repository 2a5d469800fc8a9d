import { describe, expect, it } from 'vitest'
import { COMMON_TIME_ZONES, timeZoneLabel, timeZoneOfState } from './time-zones.ts'

describe('time zones people choose from', () => {
  it('every common zone and every state zone is one the runtime knows', () => {
    const states = ['NY', 'TX', 'AZ', 'CA', 'AK', 'HI', 'CO', 'PR', 'DC']
    for (const zone of [...COMMON_TIME_ZONES.map((z) => z.zone), ...states.map((s) => timeZoneOfState(s) ?? '')]) {
      expect(() => new Intl.DateTimeFormat('en-US', { timeZone: zone })).not.toThrow()
    }
  })

  it('a mentor in Ohio starts in Eastern Time, one in Arizona in Phoenix time; an unknown state gives none', () => {
    expect(timeZoneOfState('oh')).toBe('America/New_York')
    expect(timeZoneOfState('AZ')).toBe('America/Phoenix')
    expect(timeZoneOfState('')).toBeNull()
    expect(timeZoneLabel('America/Chicago')).toBe('Central Time (Chicago)')
    expect(timeZoneLabel('America/Argentina/Buenos_Aires')).toBe('America — Argentina — Buenos Aires')
  })
})
