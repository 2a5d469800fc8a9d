import { describe, expect, it } from 'vitest'
import { greeting } from './greeting.ts'

const at = (hour: number) => new Date(2026, 11, 6, hour, 30)

describe('greeting', () => {
  it("follows the viewer's clock, and says a plain hello in the small hours", () => {
    expect(greeting(at(2))).toBe('Hello')
    expect(greeting(at(4))).toBe('Hello')
    expect(greeting(at(5))).toBe('Good morning')
    expect(greeting(at(11))).toBe('Good morning')
    expect(greeting(at(12))).toBe('Good afternoon')
    expect(greeting(at(17))).toBe('Good afternoon')
    expect(greeting(at(18))).toBe('Good evening')
    expect(greeting(at(23))).toBe('Good evening')
  })
})
