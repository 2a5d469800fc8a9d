import { describe, expect, it } from 'vitest'
import { firstName, possessive, studentVoice } from './voice.ts'

describe('the words for the student a page is about', () => {
  it('takes the first name, whatever the spacing', () => {
    expect(firstName('Maya Robinson')).toBe('Maya')
    expect(firstName('  Ana María  López ')).toBe('Ana')
    expect(firstName('Cher')).toBe('Cher')
  })

  it('makes a possessive with an apostrophe-s, also after an s', () => {
    expect(possessive('Maya')).toBe('Maya’s')
    expect(possessive('James')).toBe('James’s')
  })

  it('speaks to the student on their own page', () => {
    const voice = studentVoice({ ownPage: true })
    expect([voice.Whose, voice.whose, voice.Who, voice.WhoHas]).toEqual(['Your', 'your', 'You', 'You have'])
  })

  it('speaks of the student by first name on a staff view, never "your"', () => {
    const voice = studentVoice({ ownPage: false, studentName: 'Maya Robinson' })
    expect(voice).toEqual({ who: 'Maya', Who: 'Maya', whose: 'Maya’s', Whose: 'Maya’s', WhoHas: 'Maya has' })
    for (const words of Object.values(voice)) expect(words.toLowerCase()).not.toMatch(/\byou(r)?\b|this student/)
  })

  it('says "the student" while the name is not known yet', () => {
    const voice = studentVoice({ ownPage: false, studentName: null })
    expect(voice.Whose).toBe('The student’s')
    expect(voice.WhoHas).toBe('The student has')
  })
})
