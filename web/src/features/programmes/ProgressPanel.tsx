import { EChart } from '../../components/EChart.tsx'
import { usePageMarking } from '../../components/marking.tsx'
import { TableWrap } from '../../components/TableWrap.tsx'
import { useT } from '../../i18n/useT.ts'
import { priorityAreaLabel } from '../../lib/labels.ts'
import { useProgress } from './queries.ts'

/** Progress by priority area: a bar chart and the same numbers as a table. */
export function ProgressPanel({ id }: { id: string }) {
  const t = useT()
  const progress = useProgress(id)
  usePageMarking(progress.data?.marking)
  if (progress.data === undefined) return null
  const areas = progress.data.byArea
  const menu = progress.data.menuActivities
  // Requests for menu activities under the goals of each area, as far as the reader may see them.
  const served = new Map(menu.byArea.map((tally) => [tally.area, tally]))
  const liveIn = (area: string) => {
    const tally = served.get(area)
    return tally === undefined ? 0 : tally.requested + tally.approved + tally.reported
  }
  return (
    <section className="panel" aria-labelledby="progress-title">
      <h2 id="progress-title">{t('programmes.progressPanel.progressByPriorityArea')}</h2>
      <EChart
        label={t('programmes.progressPanel.milestonesDoneLateAndAt')}
        height={Math.max(220, areas.length * 40 + 40)}
        option={{
          tooltip: { trigger: 'axis' },
          legend: {},
          grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
          xAxis: { type: 'value', minInterval: 1 },
          yAxis: {
            type: 'category',
            data: areas.map((a) => priorityAreaLabel(a.area)),
            inverse: true,
            // Long names wrap instead of taking most of a phone's width from the bars.
            axisLabel: { width: 140, overflow: 'break', lineHeight: 15 },
          },
          series: [
            {
              type: 'bar',
              stack: 'm',
              name: t('programmes.progressPanel.done'),
              data: areas.map((a) => a.done),
              color: '#3356c4',
            },
            {
              type: 'bar',
              stack: 'm',
              name: t('programmes.progressPanel.late'),
              data: areas.map((a) => a.late),
              color: '#c53030',
            },
            {
              type: 'bar',
              stack: 'm',
              name: t('programmes.progressPanel.atRisk'),
              data: areas.map((a) => a.atRisk),
              color: '#b7791f',
            },
            {
              type: 'bar',
              stack: 'm',
              name: t('programmes.progressPanel.otherOpen'),
              data: areas.map((a) => a.milestones - a.done - a.late - a.atRisk),
              color: '#9aa5b1',
            },
          ],
        }}
      />
      <p data-testid="menu-activities">
        {t('programmes.progressPanel.menuActivitiesSummary', {
          approved: menu.overall.approved,
          reported: menu.overall.reported,
          requested: menu.overall.requested,
        })}
      </p>
      <TableWrap label={t('programmes.progressPanel.progressByPriorityAreaTable')}>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('programmes.progressPanel.priorityArea')}</th>
              <th scope="col" className="numeric">
                {t('programmes.progressPanel.goals')}
              </th>
              <th scope="col" className="numeric">
                {t('programmes.progressPanel.activities')}
              </th>
              <th scope="col" className="numeric">
                {t('programmes.progressPanel.milestones')}
              </th>
              <th scope="col" className="numeric">
                {t('programmes.progressPanel.done')}
              </th>
              <th scope="col" className="numeric">
                {t('programmes.progressPanel.late')}
              </th>
              <th scope="col" className="numeric">
                {t('programmes.progressPanel.atRisk')}
              </th>
              <th scope="col" className="numeric">
                {t('programmes.progressPanel.done2')}
              </th>
              <th scope="col" className="numeric">
                {t('programmes.progressPanel.menuActivities')}
              </th>
              <th scope="col" className="numeric">
                {t('programmes.progressPanel.reportedOn')}
              </th>
            </tr>
          </thead>
          <tbody>
            {areas.map((a) => (
              <tr key={a.area}>
                <th scope="row">{priorityAreaLabel(a.area)}</th>
                <td className="numeric">{a.goals}</td>
                <td className="numeric">{a.activities}</td>
                <td className="numeric">{a.milestones}</td>
                <td className="numeric">{a.done}</td>
                <td className="numeric">{a.late}</td>
                <td className="numeric">{a.atRisk}</td>
                <td className="numeric">{a.percentDone === null ? '—' : `${a.percentDone}%`}</td>
                <td className="numeric">{liveIn(a.area)}</td>
                <td className="numeric">{served.get(a.area)?.reported ?? 0}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </section>
  )
}
