import { z } from 'zod'

/** Trimmed text with a length cap; empty strings count as unset where `optionalText` is used. */
export const text = (max: number) => z.string().trim().max(max, `Use at most ${max} characters.`)
export const requiredText = (max: number) => text(max).min(1, 'This field is required.')

export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'Use at most 254 characters.')
  .pipe(z.email('Enter a valid e-mail address.'))

export const Uuid = z.uuid('Not a valid id.')

export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
})

export const OkResponse = z.object({ ok: z.literal(true) })

export const ErrorResponse = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      fields: z.record(z.string(), z.string()).optional(),
    }),
  })
  .meta({ id: 'Error' })
