import { Link } from 'react-router'
import { Chip } from '../../components/Chip.tsx'
import { MarkingTag } from '../../components/marking.tsx'
import { TableWrap } from '../../components/TableWrap.tsx'
import { useT } from '../../i18n/useT.ts'
import { areaName, formatLabels } from './labels.ts'
import type { ItemData } from './queries.ts'

export function itemPath(id: string): string {
  return `/cooperation/items/${encodeURIComponent(id)}`
}

/** One page of catalogue items: code and title, provider, format, areas, and whether the viewer may ask. */
export function ItemTable({ items, label }: { items: readonly ItemData[]; label: string }) {
  const t = useT()
  return (
    <TableWrap label={label}>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('cooperation.itemTable.activity')}</th>
            <th scope="col">{t('cooperation.itemTable.provider')}</th>
            <th scope="col">{t('cooperation.itemTable.format')}</th>
            <th scope="col">{t('cooperation.itemTable.priorityAreas')}</th>
            <th scope="col">{t('cooperation.itemTable.marking')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              <th scope="row">
                <Link to={itemPath(item.id)}>
                  <span className="code">{item.code}</span> {item.title}
                </Link>
                {item.eligibleForMe ? (
                  <>
                    {' '}
                    <Chip tone="accent">{t('cooperation.itemTable.youMayRequest')}</Chip>
                  </>
                ) : null}
                {item.illustrative ? (
                  <>
                    {' '}
                    <Chip tone="muted">{t('cooperation.itemTable.illustrative')}</Chip>
                  </>
                ) : null}
              </th>
              <td>{item.provider.name}</td>
              <td>{formatLabels[item.format]}</td>
              <td>{item.priorityAreas.map(areaName).join(', ') || '—'}</td>
              <td>
                <MarkingTag marking={item.marking} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  )
}
