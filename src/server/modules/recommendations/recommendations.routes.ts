import {
  MentorTeamQuery,
  MentorTeamResponse,
  RecommendationWeightsResponse,
  RecommendedMentorsQuery,
  RecommendedMentorsResponse,
} from '#shared/contracts/recommendations.ts'
import { actorOf } from '../../http/access.ts'
import { jsonResponse } from '../../http/params.ts'
import { createRouter, guardedRoute, requestMeta } from '../../http/route.ts'

export function recommendationsRoutes() {
  const router = createRouter()

  router.openapi(
    guardedRoute(['student'], {
      method: 'get',
      path: '/api/recommendations/mentors',
      tags: ['recommendations'],
      summary: '"Mentors for you": listed mentors ranked for the signed-in student, with reasons',
      description:
        'Only listed mentors who accept mentees and have an open place. Identity is used, and named in a reason, only when the student asked for an identity-aligned mentor and the mentor shows it to them. `factors` are the contributions behind each score.',
      request: { query: RecommendedMentorsQuery },
      responses: { 200: jsonResponse(RecommendedMentorsResponse, 'Mentors, best first.') },
    }),
    async (c) => c.json(await c.var.services.recommendations.listMentorsForStudent(actorOf(c), c.req.valid('query'), requestMeta(c)), 200),
  )

  router.openapi(
    guardedRoute(['student'], {
      method: 'get',
      path: '/api/recommendations/team',
      tags: ['recommendations'],
      summary: 'A mentor team for the signed-in student: one mentor per career stage nobody fills yet, and opportunities that fit',
      description:
        'Stages: faculty in the declared specialty, a resident or fellow, a graduate, a near-peer a year or two ahead, a research mentor, and — only when the student asked for it — a mentor offering identity-based mentorship. Each stage the advising board and current mentors leave empty gets the best mentor with a place, or says in words why nobody is suggested. `challenge=true` prefers mentors who hold high expectations. Up to three open opportunities with a place left follow.',
      request: { query: MentorTeamQuery },
      responses: { 200: jsonResponse(MentorTeamResponse, 'The team, stage by stage, and opportunities.') },
    }),
    async (c) => c.json(await c.var.services.recommendations.listTeamForStudent(actorOf(c), c.req.valid('query'), requestMeta(c)), 200),
  )

  router.openapi(
    guardedRoute(['admin'], {
      method: 'get',
      path: '/api/admin/recommendation-weights',
      tags: ['recommendations'],
      summary: 'The weights of "Mentors for you", each with what it does',
      responses: { 200: jsonResponse(RecommendationWeightsResponse, 'The weights in use.') },
    }),
    async (c) => c.json(c.var.services.recommendations.listWeights(actorOf(c)), 200),
  )

  return router
}
