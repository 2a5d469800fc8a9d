import { z } from '@hono/zod-openapi'

/** A path parameter that is a person's id; a malformed id is a 400, an unknown one a 404. */
export const PersonIdParams = z.object({
  personId: z
    .uuid('Not a valid person id.')
    .openapi({ param: { name: 'personId', in: 'path', required: true }, example: '0b8a5a0e-6f55-4a55-9d4e-2f1b0c6f1c11' }),
})

export const jsonBody = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } }, required: true })
export const jsonResponse = <T extends z.ZodType>(schema: T, description: string) => ({ content: { 'application/json': { schema } }, description })
