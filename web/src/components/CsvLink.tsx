import { useT } from '../i18n/useT.ts'
import { queryString } from '../lib/api.ts'

/**
 * The download of a list as CSV: the list's own filters, every matching row (no paging), so what
 * is downloaded is what the list shows. A plain link, so the browser saves it with the session's
 * cookie and the server's file name.
 */
export function CsvLink({
  path,
  filters = {},
  label,
}: {
  /** The CSV route, e.g. /api/v1/partners.csv */
  path: string
  filters?: Record<string, string | number | undefined>
  /**
   * The link's whole accessible name, a message of its own per list ("Download CSV of the partners
   * shown"): it begins with the visible words, and a whole sentence translates where a fragment would not.
   */
  label: string
}) {
  const t = useT()
  const { limit: _limit, offset: _offset, ...kept } = filters
  return (
    <a className="button secondary" href={`${path}${queryString(kept)}`} download aria-label={label}>
      {t('ui.csvLink.downloadCsv')}
    </a>
  )
}
