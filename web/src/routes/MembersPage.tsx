import { CsvLink } from '../components/CsvLink.tsx'
import { usePageMarking } from '../components/marking.tsx'
import { PageHeader } from '../components/PageHeader.tsx'
import { ErrorState, Loading } from '../components/states.tsx'
import { TableWrap } from '../components/TableWrap.tsx'
import { AccessionsChart, accessionYears } from '../features/members/AccessionsChart.tsx'
import { useMembers } from '../features/members/queries.ts'
import { useFuzzyDate } from '../i18n/useFuzzyDate.ts'
import { useT } from '../i18n/useT.ts'

/** The member states, in order of accession, and how the alliance grew. */
export function MembersPage() {
  const t = useT()
  const dateText = useFuzzyDate()
  const members = useMembers()
  usePageMarking(members.data?.marking)
  if (members.isPending) {
    return <Loading label={t('page.members.loadingMembers')} />
  }
  if (members.isError) {
    return <ErrorState error={members.error} onRetry={() => members.refetch()} />
  }
  // Oldest first; EDTF dates sort as text (a day-precision date never ties its month-precision twin here).
  const items = [...members.data.items].sort((a, b) => a.accession.date.localeCompare(b.accession.date))
  const years = accessionYears(items)
  return (
    <>
      <title>{t('page.members.membersLiaison')}</title>
      <PageHeader
        title={t('page.members.members')}
        lead={t('page.members.theMemberStatesOfThe', { length: items.length })}
        actions={<CsvLink path="/api/v1/members.csv" label={t('ui.csvLink.members')} />}
      />
      <section aria-labelledby="growth-title" className="section">
        <h2 id="growth-title">{t('page.members.growthOfTheAlliance')}</h2>
        <figure className="chart panel">
          <AccessionsChart years={years} />
          <figcaption className="muted">{t('page.members.eachBarIsAnEnlargement')}</figcaption>
        </figure>
        <details className="details">
          <summary>{t('page.members.accessionsByYearAsA')}</summary>
          <TableWrap label={t('page.members.accessionsByYear')}>
            <table className="data-table">
              <caption>{t('page.members.membersJoiningInEachYear')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('page.members.year')}</th>
                  <th scope="col">{t('page.members.joined')}</th>
                  <th scope="col" className="numeric">
                    {t('page.members.membersAfter')}
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
        <h2 id="list-title">{t('page.members.memberStates')}</h2>
        <TableWrap label={t('page.members.memberStates')}>
          <table className="data-table" data-testid="members-table">
            <caption className="visually-hidden">{t('page.members.memberStatesInOrderOf')}</caption>
            <thead>
              <tr>
                <th scope="col" className="numeric">
                  #
                </th>
                <th scope="col">{t('page.members.member')}</th>
                <th scope="col" className="wide-only-cell">
                  {t('page.members.capital')}
                </th>
                <th scope="col" className="wide-only-cell">
                  {t('page.members.timeZone')}
                </th>
                <th scope="col">{t('page.members.accession')}</th>
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
                  <td>{dateText(member.accession)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </section>
    </>
  )
}
