import type { ReactNode } from 'react'
import { ErrorState, Loading } from '../../components/states.tsx'

/** One box of the dashboard: a heading, then its list, a loading line, an error, or what "none" means. */
export function DashboardCard({
  id,
  title,
  query,
  empty,
  count,
  children,
}: {
  readonly id: string
  readonly title: string
  readonly query: { isPending: boolean; isError: boolean; error: unknown }
  readonly empty: string
  readonly count: number
  readonly children: ReactNode
}) {
  return (
    <section className="card dashboard-card" aria-labelledby={`${id}-title`} data-testid={id}>
      <h2 id={`${id}-title`}>
        {title}
        {query.isPending || query.isError ? null : <span className="dashboard-count"> ({count})</span>}
      </h2>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorState error={query.error} />
      ) : count === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        children
      )}
    </section>
  )
}
