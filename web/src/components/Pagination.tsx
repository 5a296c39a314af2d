/**
 * Previous/next over a `{ items, total }` list read `pageSize` at a time. The count is announced
 * politely so a screen reader hears where a page change landed.
 */
export function Pagination({
  page,
  pageSize,
  total,
  label,
  onPage,
}: {
  /** Zero-based. */
  page: number
  pageSize: number
  total: number
  label: string
  onPage: (page: number) => void
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize))
  const first = total === 0 ? 0 : page * pageSize + 1
  const last = Math.min(total, (page + 1) * pageSize)
  return (
    <nav className="pagination" aria-label={label}>
      <p className="result-count" aria-live="polite">
        {total === 0 ? 'No results' : `${first}–${last} of ${total}`} · page {Math.min(page + 1, pages)} of{' '}
        {pages}
      </p>
      <span className="chips">
        <button type="button" className="chip" disabled={page === 0} onClick={() => onPage(page - 1)}>
          Previous
        </button>
        <button
          type="button"
          className="chip"
          disabled={(page + 1) * pageSize >= total}
          onClick={() => onPage(page + 1)}
        >
          Next
        </button>
      </span>
    </nav>
  )
}
