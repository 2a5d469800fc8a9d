import { type FormEvent, useState } from 'react'
import { useSearchParams } from 'react-router'
import { TextField } from '../../components/fields.tsx'
import { Loading, QueryError } from '../../components/feedback.tsx'
import { Pagination } from '../../components/pagination.tsx'
import type { QuestionPage } from '#shared/contracts/community.ts'
import { useQuestions } from './api.ts'
import { QuestionList } from './question-list.tsx'

/**
 * Questions of one board (or every board), newest activity first, with a search over questions
 * and answers. The words and the page live in the address; while a new search loads, the status
 * says "Searching…" and the last results stay, undimmed.
 */
export function QuestionSearch({ board, heading }: { board: string; heading: string }) {
  const [params, setParams] = useSearchParams()
  const q = params.get('q') ?? ''
  const page = Number(params.get('page') ?? '1') || 1
  const [words, setWords] = useState(q)
  const questions = useQuestions(board, q, page)
  const update = (next: { q?: string; page?: number }) => {
    const out = new URLSearchParams(params)
    for (const [key, value] of Object.entries(next)) {
      if (value === undefined || value === '' || value === 1) out.delete(key)
      else out.set(key, String(value))
    }
    setParams(out)
  }
  const onSearch = (event: FormEvent) => {
    event.preventDefault()
    update({ q: words.trim(), page: 1 })
  }
  return (
    <section aria-labelledby="community-questions">
      <h2 id="community-questions">{heading}</h2>
      <form role="search" aria-label="Questions" className="filters" onSubmit={onSearch}>
        <TextField
          id="community-q"
          label="Search questions and answers"
          type="search"
          className="filters-query"
          value={words}
          onChange={(e) => setWords(e.currentTarget.value)}
          maxLength={200}
        />
        <div className="filters-actions">
          <button type="submit" className="button button-secondary">
            Search
          </button>
          {q ? (
            <button
              type="button"
              className="button button-ghost"
              onClick={() => {
                setWords('')
                update({ q: '', page: 1 })
              }}
            >
              Clear
            </button>
          ) : null}
        </div>
      </form>
      <div role="status" className="results-status">
        {questions.isPlaceholderData ? 'Searching…' : questions.data ? resultsLine(questions.data, q) : ''}
      </div>
      {questions.isPending ? <Loading /> : null}
      {questions.isError ? <QueryError error={questions.error} onRetry={() => void questions.refetch()} /> : null}
      {questions.data ? (
        <div aria-busy={questions.isPlaceholderData}>
          <QuestionList
            questions={questions.data.items}
            showBoard={!board}
            empty={q ? 'No question or answer matches these words.' : 'No questions here yet. Be the first to ask.'}
          />
          <Pagination
            page={questions.data.page}
            pageSize={questions.data.pageSize}
            total={questions.data.total}
            noun={['question', 'questions']}
            onPage={(next) => update({ page: next })}
          />
        </div>
      ) : null}
    </section>
  )
}

/** What the status line says of a page of results. */
function resultsLine(page: QuestionPage, q: string): string {
  if (page.truncated)
    return `More than ${page.total} questions match “${q}”. The ${page.total} most recently active are shown, best match first: add a word to narrow them.`
  return `${page.total} ${page.total === 1 ? 'question' : 'questions'}${q ? ` match “${q}”` : ''}`
}
