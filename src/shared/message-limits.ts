/**
 * Messages' limits and choices, apart from the zod contracts so the web app's first pages can
 * use them without loading a validator.
 */

/** How a person hears of new messages by e-mail: each one (at most one per conversation per 15 minutes), a daily digest, or not at all. */
export const MESSAGE_EMAIL_FREQUENCIES = ['each', 'daily', 'off'] as const
export type MessageEmailFrequency = (typeof MESSAGE_EMAIL_FREQUENCIES)[number]

export const MESSAGE_MAX_CHARS = 5_000
/** The largest PDF a message may carry: base64 in a JSON body keeps the request under the 2 MB body limit. */
export const MESSAGE_ATTACHMENT_MAX_BYTES = 1024 * 1024
