import { describe, expect, it } from 'vitest'
import { instant, IsoDate, multilineText, personName, requiredText, text } from './common.ts'

const messageOf = (result: { success: boolean; error?: { issues: { message: string }[] } }) => (result.success ? null : result.error?.issues[0]?.message)

describe('single-line text', () => {
  it.each(['Dr. Maya Chen', 'Internal Medicine – Cleveland', 'Zoë Ñúñez', '😀 emoji pair'])('accepts %j', (value) => {
    expect(text(100).safeParse(value).success).toBe(true)
  })
  it.each([
    'Maya\nChen',
    'Maya\r\nBcc: x@evil.example',
    'tab\there',
    'nul\u0000',
    'bell\u0007',
    'del\u007f',
    'c1\u0085',
    'line\u2028separator',
    'lone\ud800',
    'low\udc00',
  ])('refuses %j', (value) => {
    expect(messageOf(requiredText(100).safeParse(value))).toMatch(/one line|cannot be stored/)
  })
})

describe('multi-line text', () => {
  it('keeps line breaks and tabs', () => {
    expect(multilineText(100).parse('First line\n\tSecond line\r\nThird')).toBe('First line\n\tSecond line\r\nThird')
  })
  it.each(['nul\u0000', 'bell\u0007', 'escape\u001b[31m', 'lone\ud800'])('refuses %j', (value) => {
    expect(multilineText(100).safeParse(value).success).toBe(false)
  })
})

describe('person names', () => {
  it.each(['Maya Chen', 'J.R. Smith', "Mary O'Neil-Park", 'Dr. A. Jones'])('accepts %j', (value) => {
    expect(personName(120).safeParse(value).success).toBe(true)
  })
  it.each(['Visit https://evil.example', 'www.evil.example', 'claim at evil.com', 'writer@evil.example', 'Maya\nChen'])('refuses %j', (value) => {
    expect(personName(120).safeParse(value).success).toBe(false)
  })
})

describe('dates are bounded', () => {
  const Instant = instant('2026-11-30T14:00:00Z')
  it.each(['2026-11-30', '1900-01-01', '2199-12-31'])('accepts the date %s', (value) => expect(IsoDate.safeParse(value).success).toBe(true))
  it.each(['9999-12-31', '0001-01-01', '2200-01-01'])('refuses the date %s', (value) => expect(messageOf(IsoDate.safeParse(value))).toMatch(/between/))
  it('accepts an instant in range and refuses year 9999', () => {
    expect(Instant.safeParse('2026-11-30T14:00:00Z').success).toBe(true)
    expect(messageOf(Instant.safeParse('9999-12-31T23:00:00Z'))).toMatch(/between/)
    expect(messageOf(Instant.safeParse('2199-12-31T23:00:00-05:00'))).toMatch(/between/)
  })
})
