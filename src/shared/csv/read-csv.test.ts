import { describe, expect, it } from 'vitest'
import { readCsv } from './read-csv.ts'

describe('readCsv', () => {
  it('reads RFC 4180 with quoted commas, doubled quotes and line breaks; drops a byte-order mark', () => {
    expect(readCsv('\uFEFFa,b\r\n"x,1","say ""hi"""\r\n"two\nlines",z\r\n')).toEqual({
      records: [
        ['a', 'b'],
        ['x,1', 'say "hi"'],
        ['two\nlines', 'z'],
      ],
      errors: [],
    })
  })

  it('reports a quote never closed on the row that opened it and reads the rows after it', () => {
    const read = readCsv('a,b\n1,2\n3,"never closed\n5,6\n"ok\nstill ok",7\n')
    expect(read.errors).toEqual([{ row: 3, message: expect.stringMatching(/never closed/) }])
    expect(read.records).toEqual([['a', 'b'], ['1', '2'], [], ['5', '6'], ['ok\nstill ok', '7']])
  })

  it('reports text after a closing quote on its row and keeps the other rows', () => {
    const read = readCsv('a,b\n"x"y,1\n2,3\n')
    expect(read.errors.map((e) => e.row)).toEqual([2])
    expect(read.records[2]).toEqual(['2', '3'])
  })

  it('explains a quote inside a value that is not in quotes, in words and on its own row', () => {
    const read = readCsv('a,b\n1,2\n3,=HYPERLINK("x")\n')
    expect(read.errors).toEqual([
      { row: 3, message: 'a quote (") appears inside a value that is not in quotes; put the whole value in quotes and double the quote inside ("")' },
    ])
    expect(read.records[1]).toEqual(['1', '2'])
  })

  it('trims and skips blank lines when asked', () => {
    expect(readCsv(' a , b \n\n c ,d\n', { trim: true, skipEmptyLines: true }).records).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ])
  })
})
