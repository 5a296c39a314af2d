import { Link } from 'react-router'
import { TableWrap } from '../../components/TableWrap.tsx'
import { levelLabels } from '../../i18n/labels.ts'
import { useT } from '../../i18n/useT.ts'
import { formatDay } from './EngagementWhen.tsx'
import type { AnalyticsData } from './queries.ts'

function percent(share: number | null): string {
  return share === null ? '—' : `${Math.round(share * 100)}%`
}

/** The yearly numbers behind the charts: one row per year. */
export function AnalyticsYearTable({ data }: { data: AnalyticsData }) {
  const t = useT()
  const caption = t('engagements.analyticsTables.yearCaption', {
    scope: data.scope.name,
    days: data.summitWindowDays,
  })
  return (
    <TableWrap label={caption}>
      <table className="data-table" data-testid="analytics-years">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('engagements.analyticsTables.year')}</th>
            {data.levels.map((level) => (
              <th scope="col" key={level.level} className="numeric">
                {levelLabels[level.level]}
              </th>
            ))}
            <th scope="col" className="numeric">
              {t('engagements.analyticsTables.total')}
            </th>
            <th scope="col" className="numeric">
              {t('engagements.analyticsTables.intensity')}
            </th>
            <th scope="col" className="numeric">
              {t('engagements.analyticsTables.awayFromSummits')}
            </th>
            <th scope="col" className="numeric">
              {t('engagements.analyticsTables.longestGapDays')}
            </th>
            <th scope="col" className="numeric">
              {t('engagements.analyticsTables.activeMonths')}
            </th>
          </tr>
        </thead>
        <tbody>
          {data.years.map((year) => (
            <tr key={year.year} data-year={year.year}>
              <th scope="row">{year.year}</th>
              {data.levels.map((level) => (
                <td key={level.level} className="numeric" data-level={level.level}>
                  {year.byLevel[level.level]}
                </td>
              ))}
              <td className="numeric">{year.total}</td>
              <td className="numeric">{year.intensity}</td>
              <td className="numeric">{percent(year.shareOutsideSummitWindow)}</td>
              <td className="numeric">{year.longestGapDays ?? '—'}</td>
              <td className="numeric">{year.activeMonths}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  )
}

/** First and latest engagement at each level. */
export function MilestoneTable({ data }: { data: AnalyticsData }) {
  const t = useT()
  const caption = t('engagements.analyticsTables.milestoneCaption', { scope: data.scope.name })
  return (
    <TableWrap label={caption}>
      <table className="data-table" data-testid="analytics-milestones">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('engagements.analyticsTables.level')}</th>
            <th scope="col" className="numeric">
              {t('engagements.analyticsTables.engagements')}
            </th>
            <th scope="col">{t('engagements.analyticsTables.first')}</th>
            <th scope="col">{t('engagements.analyticsTables.latest')}</th>
          </tr>
        </thead>
        <tbody>
          {data.milestones.map((milestone) => (
            <tr key={milestone.level}>
              <th scope="row">{levelLabels[milestone.level]}</th>
              <td className="numeric">{milestone.count}</td>
              {[milestone.first, milestone.latest].map((point, index) => (
                <td key={index === 0 ? 'first' : 'latest'}>
                  {point === null ? (
                    '—'
                  ) : (
                    <>
                      {formatDay(point.day)}:{' '}
                      <Link to={`/engagements/${encodeURIComponent(point.id)}`}>{point.title}</Link>
                    </>
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  )
}

/** Intensity of several partners per year, the numbers behind the comparison chart. */
export function ComparisonTable({ series }: { series: readonly AnalyticsData[] }) {
  const t = useT()
  const years = [...new Set(series.flatMap((data) => data.years.map((year) => year.year)))].sort(
    (a, b) => a - b,
  )
  const caption = t('engagements.analyticsTables.comparisonCaption')
  return (
    <TableWrap label={caption}>
      <table className="data-table" data-testid="analytics-comparison">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('engagements.analyticsTables.year')}</th>
            {series.map((data) => (
              <th scope="col" key={data.scope.id} className="numeric">
                {data.scope.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {years.map((year) => (
            <tr key={year}>
              <th scope="row">{year}</th>
              {series.map((data) => (
                <td key={data.scope.id} className="numeric">
                  {data.years.find((each) => each.year === year)?.intensity ?? 0}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  )
}
