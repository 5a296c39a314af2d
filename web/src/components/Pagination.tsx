import { useT } from '../i18n/useT.ts'
/**
 * The one pager of every list: Previous and Next, in a navigation landmark named after the list
 * (the list's count line says which page this is). Nothing shows when everything fits on one page.
 */
export function Pagination({
  label,
  page,
  pageSize,
  total,
  onPage,
}: {
  /** What is paged, for the landmark's name, e.g. "Engagement pages". */
  readonly label: string
  /** Zero-based. */
  readonly page: number
  readonly pageSize: number
  readonly total: number
  readonly onPage: (page: number) => void
}) {
  const t = useT()
  const pages = Math.max(1, Math.ceil(total / pageSize))
  if (pages === 1 && page === 0) return null
  return (
    <nav className="chips pagination" aria-label={label}>
      <button type="button" className="chip" disabled={page === 0} onClick={() => onPage(page - 1)}>
        {t('ui.pagination.previous')}
      </button>
      <button type="button" className="chip" disabled={page + 1 >= pages} onClick={() => onPage(page + 1)}>
        {t('ui.pagination.next')}
      </button>
    </nav>
  )
}
