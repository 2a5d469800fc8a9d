import { describe, expect, it } from 'vitest'
import { parseTsquery } from './tsquery.ts'

describe('parseTsquery reads what websearch_to_tsquery prints', () => {
  const cases: [string, unknown][] = [
    ["'okafor'", { type: 'term', lexeme: 'okafor', prefix: false }],
    [
      "'pediatr' & 'cardiolog'",
      {
        type: 'and',
        children: [
          { type: 'term', lexeme: 'pediatr', prefix: false },
          { type: 'term', lexeme: 'cardiolog', prefix: false },
        ],
      },
    ],
    [
      "'a' | 'b' & 'c'",
      {
        type: 'or',
        children: [
          { type: 'term', lexeme: 'a', prefix: false },
          {
            type: 'and',
            children: [
              { type: 'term', lexeme: 'b', prefix: false },
              { type: 'term', lexeme: 'c', prefix: false },
            ],
          },
        ],
      },
    ],
    [
      "'sepsi' & !'emerg'",
      {
        type: 'and',
        children: [
          { type: 'term', lexeme: 'sepsi', prefix: false },
          { type: 'not', child: { type: 'term', lexeme: 'emerg', prefix: false } },
        ],
      },
    ],
    [
      "'wilder' <-> 'medicin'",
      {
        type: 'and',
        children: [
          { type: 'term', lexeme: 'wilder', prefix: false },
          { type: 'term', lexeme: 'medicin', prefix: false },
        ],
      },
    ],
    ["'o''brien':*", { type: 'term', lexeme: "o'brien", prefix: true }],
    [
      "( 'a' | 'b' ) & 'c'",
      {
        type: 'and',
        children: [
          {
            type: 'or',
            children: [
              { type: 'term', lexeme: 'a', prefix: false },
              { type: 'term', lexeme: 'b', prefix: false },
            ],
          },
          { type: 'term', lexeme: 'c', prefix: false },
        ],
      },
    ],
    ['', null],
  ]
  for (const [text, expected] of cases) it(JSON.stringify(text), () => expect(parseTsquery(text)).toEqual(expected))
})
