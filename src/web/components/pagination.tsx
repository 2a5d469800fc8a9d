type PaginationProps = {
  page: number
  pageSize: number
  total: number
  noun: [singular: string, plural: string]
  onPage: (page: number) => void
  label?: string
}

export function Pagination({ page, pageSize, total, noun, onPage, label = 'Pages' }: PaginationProps) {
  const pages = Math.max(1, Math.ceil(total / pageSize))
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1
  const last = Math.min(total, page * pageSize)
  return (
    <nav className="pagination" aria-label={label}>
      <p className="pagination-count">{total === 0 ? `No ${noun[1]}` : `${first}–${last} of ${total} ${total === 1 ? noun[0] : noun[1]}`}</p>
      {pages > 1 ? (
        <div className="pagination-buttons">
          <button type="button" className="button button-secondary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
            Previous<span className="visually-hidden"> page</span>
          </button>
          <span className="pagination-page">
            Page {page} of {pages}
          </span>
          <button type="button" className="button button-secondary" disabled={page >= pages} onClick={() => onPage(page + 1)}>
            Next<span className="visually-hidden"> page</span>
          </button>
        </div>
      ) : null}
    </nav>
  )
}
