import { z } from '@hono/zod-openapi'
import {
  AcceptAnswer,
  AddWordFilterTerm,
  AskQuestion,
  BoardList,
  DismissReport,
  ModerateAnswer,
  ModerateQuestion,
  ModerationQueue,
  MyCommunity,
  PersonActivity,
  PostAnswer,
  QuestionPage,
  QuestionSearch,
  QuestionView,
  ReportPost,
  RevealAuthor,
  RevealedAuthor,
  WordFilterList,
} from '#shared/contracts/community.ts'
import { OkResponse } from '#shared/contracts/common.ts'
import { actorOf } from '../../http/access.ts'
import { jsonBody, jsonResponse, PersonIdParams } from '../../http/params.ts'
import { createRouter, guardedRoute, requestMeta } from '../../http/route.ts'

/** Community: questions and answers on boards, votes, follows, reports; moderation by the office. */

const uuidParam = (name: string, what: string) =>
  z.uuid(`Not a valid ${what} id.`).openapi({ param: { name, in: 'path', required: true }, example: '0b7d5c3e-4c8a-4f7e-9a0e-2f4f2c1d9e11' })
const QuestionIdParams = z.object({ questionId: uuidParam('questionId', 'question') })
const AnswerIdParams = z.object({ answerId: uuidParam('answerId', 'answer') })
const ReportIdParams = z.object({ reportId: uuidParam('reportId', 'report') })
const TermIdParams = z.object({ termId: uuidParam('termId', 'word filter term') })

const question = jsonResponse(QuestionView, 'The question with its answers, as the caller may see them.')
const ok = jsonResponse(OkResponse, 'Done.')
const MODERATORS = ['advisor', 'admin'] as const
const WRITERS = ['student', 'mentor'] as const
const TAGS = ['community']

export function communityRoutes() {
  const router = createRouter()

  router.openapi(
    guardedRoute('signed-in', {
      method: 'get',
      path: '/api/community/boards',
      tags: TAGS,
      summary: 'Every board, with how many questions it holds',
      responses: { 200: jsonResponse(BoardList, 'Topic boards, then specialty boards.') },
    }),
    async (c) => c.json(await c.var.services.community.listBoards(actorOf(c)), 200),
  )

  router.openapi(
    guardedRoute('signed-in', {
      method: 'get',
      path: '/api/community/questions',
      tags: TAGS,
      summary: 'Questions, newest activity first, or the best matches for words searched in questions and answers',
      request: { query: QuestionSearch },
      responses: { 200: jsonResponse(QuestionPage, 'One page of questions.') },
    }),
    async (c) => c.json(await c.var.services.community.searchQuestions(actorOf(c), c.req.valid('query')), 200),
  )

  router.openapi(
    guardedRoute(['student'], {
      method: 'post',
      path: '/api/community/questions',
      tags: TAGS,
      summary: 'Ask a question, by name or anonymously',
      request: { body: jsonBody(AskQuestion) },
      responses: { 201: question },
    }),
    async (c) => c.json(await c.var.services.community.askQuestion(actorOf(c), c.req.valid('json')), 201),
  )

  router.openapi(
    guardedRoute('signed-in', {
      method: 'get',
      path: '/api/community/mine',
      tags: TAGS,
      summary: 'My questions, the questions I answered, and those I follow',
      responses: { 200: jsonResponse(MyCommunity, 'The caller’s own.') },
    }),
    async (c) => c.json(await c.var.services.community.myCommunity(actorOf(c)), 200),
  )

  router.openapi(
    guardedRoute('signed-in', {
      method: 'get',
      path: '/api/community/questions/{questionId}',
      tags: TAGS,
      summary: 'One question with its answers',
      request: { params: QuestionIdParams },
      responses: { 200: question },
    }),
    async (c) => c.json(await c.var.services.community.getQuestion(actorOf(c), c.req.valid('param').questionId), 200),
  )

  router.openapi(
    guardedRoute(WRITERS, {
      method: 'post',
      path: '/api/community/questions/{questionId}/answers',
      tags: TAGS,
      summary: 'Answer a question, by name (or, for a student, anonymously)',
      request: { params: QuestionIdParams, body: jsonBody(PostAnswer) },
      responses: { 201: question },
    }),
    async (c) => c.json(await c.var.services.community.postAnswer(actorOf(c), c.req.valid('param').questionId, c.req.valid('json')), 201),
  )

  router.openapi(
    guardedRoute(['student'], {
      method: 'post',
      path: '/api/community/questions/{questionId}/accept',
      tags: TAGS,
      summary: 'The asker marks the answer that helped (or none)',
      request: { params: QuestionIdParams, body: jsonBody(AcceptAnswer) },
      responses: { 200: question },
    }),
    async (c) => c.json(await c.var.services.community.acceptAnswer(actorOf(c), c.req.valid('param').questionId, c.req.valid('json')), 200),
  )

  for (const method of ['put', 'delete'] as const) {
    router.openapi(
      guardedRoute('signed-in', {
        method,
        path: '/api/community/questions/{questionId}/follow',
        tags: TAGS,
        summary: method === 'put' ? 'Follow a question: be e-mailed its new answers' : 'Stop following a question',
        request: { params: QuestionIdParams },
        responses: { 200: question },
      }),
      async (c) => {
        const { questionId } = c.req.valid('param')
        const service = c.var.services.community
        return c.json(method === 'put' ? await service.follow(actorOf(c), questionId) : await service.unfollow(actorOf(c), questionId), 200)
      },
    )
    router.openapi(
      guardedRoute(WRITERS, {
        method,
        path: '/api/community/answers/{answerId}/vote',
        tags: TAGS,
        summary: method === 'put' ? 'Vote an answer up (one vote per person; not one’s own)' : 'Take back one’s vote',
        request: { params: AnswerIdParams },
        responses: { 200: question },
      }),
      async (c) => {
        const { answerId } = c.req.valid('param')
        const service = c.var.services.community
        return c.json(method === 'put' ? await service.vote(actorOf(c), answerId) : await service.unvote(actorOf(c), answerId), 200)
      },
    )
  }

  router.openapi(
    guardedRoute('signed-in', {
      method: 'post',
      path: '/api/community/questions/{questionId}/report',
      tags: TAGS,
      summary: 'Report a question to the moderators',
      request: { params: QuestionIdParams, body: jsonBody(ReportPost) },
      responses: { 200: ok },
    }),
    async (c) => c.json(await c.var.services.community.reportQuestion(actorOf(c), c.req.valid('param').questionId, c.req.valid('json').reason), 200),
  )

  router.openapi(
    guardedRoute('signed-in', {
      method: 'post',
      path: '/api/community/answers/{answerId}/report',
      tags: TAGS,
      summary: 'Report an answer to the moderators',
      request: { params: AnswerIdParams, body: jsonBody(ReportPost) },
      responses: { 200: ok },
    }),
    async (c) => c.json(await c.var.services.community.reportAnswer(actorOf(c), c.req.valid('param').answerId, c.req.valid('json').reason), 200),
  )

  router.openapi(
    guardedRoute('signed-in', {
      method: 'get',
      path: '/api/community/people/{personId}',
      tags: TAGS,
      summary: 'A person’s community figures and recent answers (named posts only)',
      request: { params: PersonIdParams },
      responses: { 200: jsonResponse(PersonActivity, 'Counted from named posts only.') },
    }),
    async (c) => c.json(await c.var.services.community.personActivity(actorOf(c), c.req.valid('param').personId), 200),
  )

  router.openapi(
    guardedRoute(MODERATORS, {
      method: 'get',
      path: '/api/community/moderation/reports',
      tags: TAGS,
      summary: 'Open reports, one item per reported post',
      responses: { 200: jsonResponse(ModerationQueue, 'The queue.') },
    }),
    async (c) => c.json(await c.var.services.community.moderationQueue(actorOf(c)), 200),
  )

  router.openapi(
    guardedRoute(MODERATORS, {
      method: 'post',
      path: '/api/community/moderation/reports/{reportId}/dismiss',
      tags: TAGS,
      summary: 'Close a report without changing the post, with a note (audited)',
      request: { params: ReportIdParams, body: jsonBody(DismissReport) },
      responses: { 200: ok },
    }),
    async (c) => c.json(await c.var.services.community.dismissReport(actorOf(c), c.req.valid('param').reportId, c.req.valid('json').note, requestMeta(c)), 200),
  )

  router.openapi(
    guardedRoute(MODERATORS, {
      method: 'post',
      path: '/api/community/moderation/questions/{questionId}',
      tags: TAGS,
      summary: 'Hide, unhide, lock, unlock, warn about or edit a question, with a note its author sees (audited)',
      request: { params: QuestionIdParams, body: jsonBody(ModerateQuestion) },
      responses: { 200: question },
    }),
    async (c) => c.json(await c.var.services.community.moderateQuestion(actorOf(c), c.req.valid('param').questionId, c.req.valid('json'), requestMeta(c)), 200),
  )

  router.openapi(
    guardedRoute(MODERATORS, {
      method: 'post',
      path: '/api/community/moderation/answers/{answerId}',
      tags: TAGS,
      summary: 'Hide, unhide, warn about or edit an answer, with a note its author sees (audited)',
      request: { params: AnswerIdParams, body: jsonBody(ModerateAnswer) },
      responses: { 200: question },
    }),
    async (c) => c.json(await c.var.services.community.moderateAnswer(actorOf(c), c.req.valid('param').answerId, c.req.valid('json'), requestMeta(c)), 200),
  )

  router.openapi(
    guardedRoute(['admin'], {
      method: 'post',
      path: '/api/community/moderation/questions/{questionId}/reveal-author',
      tags: TAGS,
      summary: 'Learn who asked an anonymous question, giving a reason (stored and audited)',
      request: { params: QuestionIdParams, body: jsonBody(RevealAuthor) },
      responses: { 200: jsonResponse(RevealedAuthor, 'The author.') },
    }),
    async (c) =>
      c.json(await c.var.services.community.revealQuestionAuthor(actorOf(c), c.req.valid('param').questionId, c.req.valid('json').reason, requestMeta(c)), 200),
  )

  router.openapi(
    guardedRoute(['admin'], {
      method: 'post',
      path: '/api/community/moderation/answers/{answerId}/reveal-author',
      tags: TAGS,
      summary: 'Learn who wrote an anonymous answer, giving a reason (stored and audited)',
      request: { params: AnswerIdParams, body: jsonBody(RevealAuthor) },
      responses: { 200: jsonResponse(RevealedAuthor, 'The author.') },
    }),
    async (c) =>
      c.json(await c.var.services.community.revealAnswerAuthor(actorOf(c), c.req.valid('param').answerId, c.req.valid('json').reason, requestMeta(c)), 200),
  )

  const wordFilter = jsonResponse(WordFilterList, 'The school’s word filter, blocked terms first.')

  router.openapi(
    guardedRoute(MODERATORS, {
      method: 'get',
      path: '/api/community/moderation/word-filter',
      tags: TAGS,
      summary: 'The words the school blocks or holds for review in community posts',
      responses: { 200: wordFilter },
    }),
    async (c) => c.json(await c.var.services.community.listWordFilter(actorOf(c)), 200),
  )

  router.openapi(
    guardedRoute(MODERATORS, {
      method: 'post',
      path: '/api/community/moderation/word-filter',
      tags: TAGS,
      summary: 'Block a word or phrase, or hold posts using it for review (audited)',
      request: { body: jsonBody(AddWordFilterTerm) },
      responses: { 200: wordFilter },
    }),
    async (c) => c.json(await c.var.services.community.addWordFilterTerm(actorOf(c), c.req.valid('json'), requestMeta(c)), 200),
  )

  router.openapi(
    guardedRoute(MODERATORS, {
      method: 'delete',
      path: '/api/community/moderation/word-filter/{termId}',
      tags: TAGS,
      summary: 'Take a word or phrase off the filter (audited)',
      request: { params: TermIdParams },
      responses: { 200: wordFilter },
    }),
    async (c) => c.json(await c.var.services.community.removeWordFilterTerm(actorOf(c), c.req.valid('param').termId, requestMeta(c)), 200),
  )

  return router
}
