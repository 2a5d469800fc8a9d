import { describe, expect, it } from 'vitest'
import { TopicVocabulary, vocabularyWords } from './topic-vocabulary.ts'

describe('TopicVocabulary', () => {
  it('corrects specialty and offer words it knows from the reference lists', () => {
    const vocabulary = new TopicVocabulary()
    expect(vocabulary.correct('cardiolgy')).toBeNull() // not a specialty name: only mentors' interests bring it
    expect(vocabulary.correct('dermatolgy')?.text).toBe('dermatology')
    expect(vocabulary.correct('pediatircs')?.text).toBe('pediatrics')
    expect(vocabulary.correct('mock intervews')?.text).toBe('mock interviews')
  })

  it("learns and forgets the words of mentors' interests, and leaves known and short words alone", () => {
    const vocabulary = new TopicVocabulary()
    const words = vocabularyWords('Pediatric Cardiology; sepsis outcomes')
    vocabulary.add(words)
    expect(vocabulary.correct('cardiolgy')?.text).toBe('cardiology')
    expect(vocabulary.correct('sepsis cardiolgy')?.text).toBe('sepsis cardiology')
    expect(vocabulary.correct('sepsis')).toBeNull()
    expect(vocabulary.correct('okafr cardiolgy', (word) => word === 'okafr')?.text).toBe('okafr cardiology')
    vocabulary.remove(words)
    expect(vocabulary.correct('cardiolgy')).toBeNull()
  })
})
