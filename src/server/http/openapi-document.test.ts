import { describe, expect, it } from 'vitest'
import { finishOpenApiDocument, isDownload, type OpenApiDocument } from './openapi-document.ts'
import { describeParameter } from './openapi-parameters.ts'

describe('describeParameter', () => {
  it('keeps a description the route gave, then describes ids, shared paging words and fixed choices', () => {
    expect(describeParameter('mentorshipRequestId', { description: 'Its own words.' })).toBe('Its own words.')
    expect(describeParameter('mentorshipRequestId', { type: 'string' })).toBe("The mentorship request's id.")
    expect(describeParameter('page', undefined)).toBe('The page to show, from 1.')
    expect(describeParameter('document', { enum: ['cv', 'personal-statement'] })).toBe('The document: one of `cv`, `personal-statement`.')
    expect(describeParameter('board', { type: 'string' })).toBeUndefined()
  })
})

describe('finishOpenApiDocument', () => {
  const pdf = { content: { 'application/pdf': {} } }
  it('tells downloads from data shown in place', () => {
    expect(isDownload('/api/mentorships/hours.csv', { content: { 'text/csv': {} } })).toBe(true)
    expect(isDownload('/api/records/mine.json', { content: { 'application/json': {} } })).toBe(true)
    expect(isDownload('/api/messages/{messageId}/attachment', pdf)).toBe(true)
    expect(isDownload('/api/calendar/{feed}', { content: { 'text/calendar': {} } })).toBe(false)
    expect(isDownload('/api/people/{personId}/photo', { content: { 'image/*': {} } })).toBe(false)
  })

  it('adds the headers and states the shared errors once', () => {
    const document = finishOpenApiDocument<OpenApiDocument>({
      paths: {
        '/api/letters/{letterRequestId}/letter.pdf': {
          get: {
            parameters: [{ name: 'letterRequestId', in: 'path' }],
            responses: { 200: pdf, 401: { description: 'Not signed in.' }, 429: { description: 'Own words for a 429.' } },
          },
        },
      },
    })
    const operation = document.paths?.['/api/letters/{letterRequestId}/letter.pdf']?.get
    expect(operation?.parameters?.[0]?.description).toBe("The letter request's id.")
    expect(operation?.responses?.[200]).toMatchObject({
      headers: { 'x-request-id': { $ref: '#/components/headers/RequestId' }, 'Content-Disposition': { $ref: '#/components/headers/ContentDisposition' } },
    })
    expect(operation?.responses?.[401]).toEqual({ $ref: '#/components/responses/NotAuthenticated' })
    expect(operation?.responses?.[429]).toMatchObject({ headers: { 'Retry-After': { $ref: '#/components/headers/RetryAfter' } } })
    expect(document.components?.responses).toHaveProperty('NotAuthenticated')
  })
})
