import { z } from '@hono/zod-openapi'
import {
  ProfileResponse,
  ReferenceDataResponse,
  UpdateAdvisorProfileRequest,
  UpdateMentorProfileRequest,
  UpdatePersonRequest,
  UpdateStudentProfileRequest,
} from '#shared/contracts/profiles.ts'
import { DEPARTMENTS, SPECIALTIES } from '#shared/reference/specialties.ts'
import { AppError } from '#shared/errors.ts'
import { actorOf } from '../../http/access.ts'
import { jsonBody, jsonResponse, PersonIdParams } from '../../http/params.ts'
import { createRouter, guardedRoute, requestMeta } from '../../http/route.ts'
import { MAX_PHOTO_BYTES } from './photo.ts'

const profile = jsonResponse(ProfileResponse, 'The profile, as the caller may see it.')
const imageBody = {
  required: true,
  content: Object.fromEntries(['image/jpeg', 'image/png', 'image/webp'].map((type) => [type, { schema: z.string().openapi({ format: 'binary' }) }])),
}

export function profilesRoutes() {
  const router = createRouter()

  router.openapi(
    guardedRoute('signed-in', {
      method: 'get',
      path: '/api/reference',
      tags: ['profiles'],
      summary: 'Departments and specialties (with their ACGME names)',
      responses: { 200: jsonResponse(ReferenceDataResponse, 'Reference data.') },
    }),
    (c) =>
      c.json(
        {
          departments: DEPARTMENTS.map(({ id, name, kind }) => ({ id, name, kind })),
          specialties: SPECIALTIES.map(({ id, name, acgmeName, departmentId }) => ({ id, name, acgmeName, departmentId })),
        },
        200,
      ),
  )

  router.openapi(
    guardedRoute('signed-in', { method: 'get', path: '/api/profiles/me', tags: ['profiles'], summary: 'My profile', responses: { 200: profile } }),
    async (c) => c.json(await c.var.services.profiles.getMyProfile(actorOf(c)), 200),
  )

  router.openapi(
    guardedRoute('signed-in', {
      method: 'patch',
      path: '/api/profiles/me',
      tags: ['profiles'],
      summary: 'Update my name and pronouns',
      request: { body: jsonBody(UpdatePersonRequest) },
      responses: { 200: profile },
    }),
    async (c) => c.json(await c.var.services.profiles.updateMyPerson(actorOf(c), c.req.valid('json'), requestMeta(c)), 200),
  )

  router.openapi(
    guardedRoute(['student'], {
      method: 'patch',
      path: '/api/profiles/me/student',
      tags: ['profiles'],
      summary: 'Update my student profile',
      request: { body: jsonBody(UpdateStudentProfileRequest) },
      responses: { 200: profile },
    }),
    async (c) => c.json(await c.var.services.profiles.updateMyStudentProfile(actorOf(c), c.req.valid('json'), requestMeta(c)), 200),
  )

  router.openapi(
    guardedRoute(['mentor'], {
      method: 'patch',
      path: '/api/profiles/me/mentor',
      tags: ['profiles'],
      summary: 'Update my mentor profile',
      request: { body: jsonBody(UpdateMentorProfileRequest) },
      responses: { 200: profile },
    }),
    async (c) => c.json(await c.var.services.profiles.updateMyMentorProfile(actorOf(c), c.req.valid('json'), requestMeta(c)), 200),
  )

  router.openapi(
    guardedRoute(['advisor'], {
      method: 'patch',
      path: '/api/profiles/me/advisor',
      tags: ['profiles'],
      summary: 'Update my advisor profile',
      request: { body: jsonBody(UpdateAdvisorProfileRequest) },
      responses: { 200: profile },
    }),
    async (c) => c.json(await c.var.services.profiles.updateMyAdvisorProfile(actorOf(c), c.req.valid('json'), requestMeta(c)), 200),
  )

  router.openapi(
    guardedRoute('signed-in', {
      method: 'put',
      path: '/api/profiles/me/photo',
      tags: ['profiles'],
      summary: 'Set my photo (JPEG, PNG or WebP, at most 1 MB; checked by content)',
      request: { body: imageBody },
      responses: { 200: profile },
    }),
    async (c) => {
      const declared = Number(c.req.header('content-length') ?? '0')
      if (declared > MAX_PHOTO_BYTES)
        throw new AppError('PAYLOAD_TOO_LARGE', 'The photo is larger than 1 MB. Choose a smaller image.', { photo: 'At most 1 MB.' })
      const bytes = new Uint8Array(await c.req.arrayBuffer())
      return c.json(await c.var.services.profiles.setMyPhoto(actorOf(c), bytes, requestMeta(c)), 200)
    },
  )

  router.openapi(
    guardedRoute('signed-in', {
      method: 'delete',
      path: '/api/profiles/me/photo',
      tags: ['profiles'],
      summary: 'Remove my photo',
      responses: { 200: profile },
    }),
    async (c) => c.json(await c.var.services.profiles.removeMyPhoto(actorOf(c), requestMeta(c)), 200),
  )

  router.openapi(
    guardedRoute('signed-in', {
      method: 'get',
      path: '/api/profiles/{personId}',
      tags: ['profiles'],
      summary: 'A person’s profile, with only the sections the caller may see',
      request: { params: PersonIdParams },
      responses: { 200: profile },
    }),
    async (c) => c.json(await c.var.services.profiles.getProfile(actorOf(c), c.req.valid('param').personId, requestMeta(c)), 200),
  )

  router.openapi(
    guardedRoute('signed-in', {
      method: 'get',
      path: '/api/people/{personId}/photo',
      tags: ['profiles'],
      summary: 'A person’s photo',
      request: { params: PersonIdParams },
      responses: { 200: { description: 'The image.', content: { 'image/*': { schema: z.string().openapi({ format: 'binary' }) } } } },
    }),
    async (c) => {
      const photo = await c.var.services.profiles.getPhoto(actorOf(c), c.req.valid('param').personId)
      return c.body(photo.bytes as Uint8Array<ArrayBuffer>, 200, {
        'content-type': photo.type,
        'cache-control': 'private, max-age=300',
        'x-content-type-options': 'nosniff',
      })
    },
  )

  return router
}
