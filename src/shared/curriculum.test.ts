import { describe, expect, it } from 'vitest'
import { movedBeforeText } from './curriculum.ts'

describe('movedBeforeText', () => {
  it.each([
    ['break', 'Winter break', 'moved before the winter break'],
    ['break', 'Spring break', 'moved before the spring break'],
    ['break', 'Mardi Gras break', 'moved before the Mardi Gras break'],
    ['break', 'The long weekend', 'moved before the long weekend'],
    ['holiday', 'Thanksgiving', 'moved before Thanksgiving'],
    ['holiday', 'Memorial Day', 'moved before Memorial Day'],
  ])('%s %s', (closureKind, closureName, words) => {
    expect(movedBeforeText({ closureKind, closureName })).toBe(words)
  })
})
