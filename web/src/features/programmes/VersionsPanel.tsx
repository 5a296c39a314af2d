import { useId, useState } from 'react'
import { itemKinds } from '../../../../src/domain/programme-diff.ts'
import { usePageMarking } from '../../components/marking.tsx'
import { TableWrap } from '../../components/TableWrap.tsx'
import { labelsOf } from '../../i18n/labels.ts'
import { useT } from '../../i18n/useT.ts'
import { diffFieldLabel, diffValueLabel } from '../../lib/labels.ts'
import { useDiff, useVersions } from './queries.ts'

const changeLabels = labelsOf('change', ['added', 'removed', 'changed'])
const itemKindLabels = labelsOf('itemKind', itemKinds)

/** Version history and the structured difference between any two versions (or the live text). */
export function VersionsPanel({
  id,
  predecessor,
}: {
  id: string
  predecessor: { kind: string; title: string } | null
}) {
  const t = useT()
  const versions = useVersions(id)
  const items = versions.data?.items ?? []
  // By default: the first version against the last one, or against the live text when there is one version.
  const [from, setFrom] = useState<string | null>(null)
  const [to, setTo] = useState<string | null>(null)
  const chosenFrom =
    from ?? (items[0] === undefined ? (predecessor === null ? '' : 'predecessor') : String(items[0].number))
  const chosenTo = to ?? (items.length > 1 ? String(items.at(-1)?.number) : 'current')
  const diff = useDiff(id, chosenFrom, chosenTo)
  usePageMarking(diff.data?.marking)
  const fieldId = useId()
  return (
    <section className="panel" aria-labelledby="versions-title">
      <h2 id="versions-title">{t('programmes.versionsPanel.versionsAndChanges')}</h2>
      {items.length === 0 && predecessor === null ? (
        <p className="muted">{t('programmes.versionsPanel.noVersionHasBeenAgreed')}</p>
      ) : (
        <>
          <ol>
            {items.map((v) => (
              <li key={v.number}>
                {t('programmes.versionsPanel.agreed', {
                  number: v.number,
                  title: v.title,
                  agreedOn: v.agreedOn,
                  parts: v.itemCount,
                })}
              </li>
            ))}
          </ol>
          <div className="versions-compare">
            <label htmlFor={`${fieldId}-from`}>{t('programmes.versionsPanel.compare')}</label>
            <select
              id={`${fieldId}-from`}
              className="input"
              value={chosenFrom}
              onChange={(e) => setFrom(e.target.value)}
            >
              {predecessor === null ? null : (
                <option value="predecessor">
                  {t('programmes.versionsPanel.superseded', { kind: predecessor.kind })}
                </option>
              )}
              {items.map((v) => (
                <option key={v.number} value={String(v.number)}>
                  {t('programmes.versionsPanel.version', { number: v.number })}
                </option>
              ))}
            </select>
            <label htmlFor={`${fieldId}-to`}>{t('programmes.versionsPanel.with')}</label>
            <select
              id={`${fieldId}-to`}
              className="input"
              value={chosenTo}
              onChange={(e) => setTo(e.target.value)}
            >
              {items.map((v) => (
                <option key={v.number} value={String(v.number)}>
                  {t('programmes.versionsPanel.version', { number: v.number })}
                </option>
              ))}
              <option value="current">{t('programmes.versionsPanel.currentText')}</option>
            </select>
          </div>
          {diff.data === undefined ? null : diff.data.changes.length === 0 ? (
            <p>{t('programmes.versionsPanel.noDifferences')}</p>
          ) : (
            <TableWrap label={t('programmes.versionsPanel.differencesBetweenTheVersions')}>
              <table className="data-table" data-testid="diff-table">
                <thead>
                  <tr>
                    <th scope="col">{t('programmes.versionsPanel.change')}</th>
                    <th scope="col">{t('programmes.versionsPanel.part')}</th>
                    <th scope="col">{t('programmes.versionsPanel.title')}</th>
                    <th scope="col">{t('programmes.versionsPanel.fieldsBeforeAfter')}</th>
                  </tr>
                </thead>
                <tbody>
                  {diff.data.changes.map((c) => (
                    <tr key={`${c.kind}-${c.id}`}>
                      <td className={`diff-${c.change}`}>{changeLabels[c.change]}</td>
                      <td>{itemKindLabels[c.kind]}</td>
                      <td>{c.title}</td>
                      <td>
                        {c.fields.map((f) => (
                          <div key={f.field}>
                            <strong>{diffFieldLabel(f.field)}</strong>:{' '}
                            <del>{diffValueLabel(f.field, f.before)}</del> →{' '}
                            <ins>{diffValueLabel(f.field, f.after)}</ins>
                          </div>
                        ))}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )}
        </>
      )}
    </section>
  )
}
