import { useId, useState } from 'react'
import { usePageMarking } from '../../components/marking.tsx'
import { TableWrap } from '../../components/TableWrap.tsx'
import { diffFieldLabel, diffValueLabel } from '../../lib/labels.ts'
import { useDiff, useVersions } from './queries.ts'

const changeLabels = { added: 'Added', removed: 'Removed', changed: 'Changed' }

/** Version history and the structured difference between any two versions (or the live text). */
export function VersionsPanel({
  id,
  predecessor,
}: {
  id: string
  predecessor: { kind: string; title: string } | null
}) {
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
      <h2 id="versions-title">Versions and changes</h2>
      {items.length === 0 && predecessor === null ? (
        <p className="muted">
          No version has been agreed yet; a version is frozen each time the programme is agreed.
        </p>
      ) : (
        <>
          <ol>
            {items.map((v) => (
              <li key={v.number}>
                Version {v.number} — {v.title} (agreed {v.agreedOn}; {v.itemCount} parts)
              </li>
            ))}
          </ol>
          <div className="versions-compare">
            <label htmlFor={`${fieldId}-from`}>Compare</label>
            <select
              id={`${fieldId}-from`}
              className="input"
              value={chosenFrom}
              onChange={(e) => setFrom(e.target.value)}
            >
              {predecessor === null ? null : (
                <option value="predecessor">Superseded {predecessor.kind} (last version)</option>
              )}
              {items.map((v) => (
                <option key={v.number} value={String(v.number)}>
                  Version {v.number}
                </option>
              ))}
            </select>
            <label htmlFor={`${fieldId}-to`}>with</label>
            <select
              id={`${fieldId}-to`}
              className="input"
              value={chosenTo}
              onChange={(e) => setTo(e.target.value)}
            >
              {items.map((v) => (
                <option key={v.number} value={String(v.number)}>
                  Version {v.number}
                </option>
              ))}
              <option value="current">Current text</option>
            </select>
          </div>
          {diff.data === undefined ? null : diff.data.changes.length === 0 ? (
            <p>No differences.</p>
          ) : (
            <TableWrap label="Differences between the versions">
              <table className="data-table" data-testid="diff-table">
                <thead>
                  <tr>
                    <th scope="col">Change</th>
                    <th scope="col">Part</th>
                    <th scope="col">Title</th>
                    <th scope="col">Fields (before → after)</th>
                  </tr>
                </thead>
                <tbody>
                  {diff.data.changes.map((c) => (
                    <tr key={`${c.kind}-${c.id}`}>
                      <td className={`diff-${c.change}`}>{changeLabels[c.change]}</td>
                      <td>{c.kind}</td>
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
