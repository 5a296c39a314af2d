import { CsvLink } from '../components/CsvLink.tsx'
import { usePageMarking } from '../components/marking.tsx'
import { PageHeader } from '../components/PageHeader.tsx'
import { ErrorState, Loading } from '../components/states.tsx'
import { TableWrap } from '../components/TableWrap.tsx'
import { AccessionsChart, accessionYears } from '../features/members/AccessionsChart.tsx'
import { useMembers } from '../features/members/queries.ts'

/** The member states, in order of accession, and how the alliance grew. */
export function MembersPage() {
  const members = useMembers()
  usePageMarking(members.data?.marking)
  if (members.isPending) {
    return <Loading label="Loading members…" />
  }
  if (members.isError) {
    return <ErrorState error={members.error} onRetry={() => members.refetch()} />
  }
  // Oldest first; EDTF dates sort as text (a day-precision date never ties its month-precision twin here).
  const items = [...members.data.items].sort((a, b) => a.accession.date.localeCompare(b.accession.date))
  const years = accessionYears(items)
  return (
    <>
      <title>Members — Liaison</title>
      <PageHeader
        title="Members"
        lead={`The ${items.length} member states of the alliance, in the order they joined.`}
        actions={<CsvLink path="/api/v1/members.csv" what="the member states" />}
      />
      <section aria-labelledby="growth-title" className="section">
        <h2 id="growth-title">Growth of the alliance</h2>
        <figure className="chart panel">
          <AccessionsChart years={years} />
          <figcaption className="muted">
            Each bar is an enlargement; the line is the number of members after it.
          </figcaption>
        </figure>
        <details className="details">
          <summary>Accessions by year as a table</summary>
          <TableWrap label="Accessions by year">
            <table className="data-table">
              <caption>Members joining in each year</caption>
              <thead>
                <tr>
                  <th scope="col">Year</th>
                  <th scope="col">Joined</th>
                  <th scope="col" className="numeric">
                    Members after
                  </th>
                </tr>
              </thead>
              <tbody>
                {years.map((year) => (
                  <tr key={year.year}>
                    <th scope="row">{year.year}</th>
                    <td>{year.joined.map((member) => member.name).join(', ')}</td>
                    <td className="numeric">{year.total}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </details>
      </section>
      <section aria-labelledby="list-title" className="section">
        <h2 id="list-title">Member states</h2>
        <TableWrap label="Member states">
          <table className="data-table" data-testid="members-table">
            <caption className="visually-hidden">Member states in order of accession</caption>
            <thead>
              <tr>
                <th scope="col" className="numeric">
                  #
                </th>
                <th scope="col">Member</th>
                <th scope="col" className="wide-only-cell">
                  Capital
                </th>
                <th scope="col" className="wide-only-cell">
                  Time zone
                </th>
                <th scope="col">Accession</th>
              </tr>
            </thead>
            <tbody>
              {items.map((member, index) => (
                <tr key={member.code}>
                  <td className="numeric">{index + 1}</td>
                  <th scope="row">
                    {member.name} <span className="code">{member.code}</span>
                  </th>
                  <td className="wide-only-cell">{member.capital ?? '—'}</td>
                  <td className="wide-only-cell">{member.timeZone}</td>
                  <td>{member.accession.label}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </section>
    </>
  )
}
