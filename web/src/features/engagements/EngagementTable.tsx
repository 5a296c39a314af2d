import { Link } from 'react-router'
import { MarkingTag } from '../../components/marking.tsx'
import { TableWrap } from '../../components/TableWrap.tsx'
import { engagementKindLabels, levelLabels } from '../../i18n/labels.ts'
import { useT } from '../../i18n/useT.ts'
import { EngagementWhen } from './EngagementWhen.tsx'
import type { EngagementSummaryData } from './queries.ts'

/** Engagements as a table: when (at the place and for the viewer), what, level, who. */
export function EngagementTable({
  items,
  caption,
  testId,
}: {
  items: readonly EngagementSummaryData[]
  caption: string
  testId?: string
}) {
  const t = useT()
  return (
    <TableWrap label={caption}>
      <table className="data-table" data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('engagements.engagementTable.engagement')}</th>
            <th scope="col">{t('engagements.engagementTable.when')}</th>
            <th scope="col">{t('engagements.engagementTable.kind')}</th>
            <th scope="col">{t('engagements.engagementTable.level')}</th>
            <th scope="col">{t('engagements.engagementTable.participants')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              <th scope="row">
                <Link to={`/engagements/${encodeURIComponent(item.id)}`}>{item.title}</Link>{' '}
                <MarkingTag marking={item.marking} />
                <div className="muted">{item.place}</div>
              </th>
              <td>
                <EngagementWhen engagement={item} />
              </td>
              <td>{engagementKindLabels[item.kind]}</td>
              <td>{levelLabels[item.level]}</td>
              <td>{item.countries.join(', ') || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  )
}
