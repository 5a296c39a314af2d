import { type ReactNode, useId, useState } from 'react'
import { NodeView } from '../../../../src/contract/programme-view.ts'
import { FormActions } from '../../components/FormActions.tsx'
import { ErrorState } from '../../components/states.tsx'
import { nodeKindLabels } from '../../i18n/labels.ts'
import { useT } from '../../i18n/useT.ts'
import { priorityAreaLabel } from '../../lib/labels.ts'
import { MarkingSelect, markingChoices, markingKey } from './MarkingSelect.tsx'
import { MarkingTagFor } from './MarkingTag.tsx'
import { type ActivityData, programmePath, useProgrammeWrite } from './queries.ts'

/** What a node's write changes: its fields (PATCH), its place (POST …/move) or its existence. */
interface NodeChange {
  readonly method: 'PATCH' | 'POST' | 'DELETE'
  readonly move?: boolean
  readonly body?: unknown
}

/**
 * One objective, goal or activity: its number and words, and for editors inline editing, moving
 * up and down among its siblings (buttons, so it works from the keyboard) and deleting.
 */
export function NodeRow({
  programmeId,
  node,
  index,
  siblings,
  canEdit,
  partner,
  areaOptions,
  children,
}: {
  programmeId: string
  node: ActivityData
  index: number
  siblings: number
  canEdit: boolean
  partner: string
  areaOptions: ReadonlyArray<{ id: string; name: string }>
  children?: ReactNode
}) {
  const t = useT()
  // One write for saving, moving and deleting the node: the last refusal is the one shown.
  const write = useProgrammeWrite(NodeView.nullable(), ({ move, ...change }: NodeChange) => ({
    ...change,
    path: programmePath(programmeId, 'nodes', node.id, ...(move === true ? ['move'] : [])),
    version: node.version,
  }))
  const [editing, setEditing] = useState(false)
  // The typed text stays in the form whatever the server answers: a stale write loses nothing.
  const [title, setTitle] = useState(node.title)
  const [description, setDescription] = useState(node.description)
  const [areas, setAreas] = useState<string[]>([...node.priorityAreas])
  const [marking, setMarking] = useState(markingKey(node.marking, partner))
  const busy = write.isPending
  const id = useId()

  const save = () => {
    const chosen = markingChoices(partner).find(([key]) => key === marking)?.[2]
    const body = {
      title,
      description,
      priorityAreas: areas,
      ...(chosen === undefined ? {} : { marking: chosen }),
    }
    write.mutate({ method: 'PATCH', body }, { onSuccess: () => setEditing(false) })
  }
  const move = (to: number) =>
    write.mutate({ method: 'POST', move: true, body: { parentId: node.parentId, position: to } })
  const remove = () => {
    if (window.confirm(t('programmes.nodeRow.confirmDelete', { title: node.title }))) {
      write.mutate({ method: 'DELETE' })
    }
  }

  return (
    <li className="tree-node" data-node-id={node.id}>
      <div className="tree-row">
        <span className="tree-number">{node.number}</span>
        <span className="tree-title" id={`${id}-title`}>
          {node.title}
        </span>
        <span className="tree-kind">{nodeKindLabels[node.kind]}</span>
        {node.priorityAreas.map((area) => (
          <span key={area} className="area-chip">
            {priorityAreaLabel(area)}
          </span>
        ))}
        {node.illustrative ? (
          <span className="tag tag-illustrative">{t('programmes.nodeRow.illustrative')}</span>
        ) : null}
        <MarkingTagFor marking={node.marking} />
        {canEdit && !editing ? (
          <span className="tree-actions">
            <button
              type="button"
              className="button secondary"
              onClick={() => setEditing(true)}
              aria-describedby={`${id}-title`}
            >
              {t('programmes.nodeRow.edit')}
            </button>
            <button
              type="button"
              className="button secondary"
              disabled={busy || index === 0}
              onClick={() => move(index - 1)}
              aria-label={t('programmes.nodeRow.moveUp', { number: node.number })}
            >
              {t('programmes.nodeRow.up')}
            </button>
            <button
              type="button"
              className="button secondary"
              disabled={busy || index === siblings - 1}
              onClick={() => move(index + 1)}
              aria-label={t('programmes.nodeRow.moveDown', { number: node.number })}
            >
              {t('programmes.nodeRow.down')}
            </button>
            <button
              type="button"
              className="button secondary"
              disabled={busy}
              onClick={remove}
              aria-label={t('programmes.nodeRow.delete', { number: node.number })}
            >
              {t('programmes.nodeRow.delete2')}
            </button>
          </span>
        ) : null}
      </div>
      {editing ? (
        <form
          className="tree-edit"
          onSubmit={(event) => {
            event.preventDefault()
            save()
          }}
        >
          <label htmlFor={`${id}-edit-title`}>
            {t('programmes.nodeRow.titleOf', { number: node.number })}
          </label>
          <input
            id={`${id}-edit-title`}
            className="input"
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            required
          />
          <label htmlFor={`${id}-edit-description`}>{t('programmes.nodeRow.description')}</label>
          <textarea
            id={`${id}-edit-description`}
            className="input"
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
          <fieldset className="area-options">
            <legend>{t('programmes.nodeRow.priorityAreas')}</legend>
            {areaOptions.map((area) => (
              <label key={area.id} className="area-option">
                <input
                  type="checkbox"
                  checked={areas.includes(area.id)}
                  onChange={(e) =>
                    setAreas(e.target.checked ? [...areas, area.id] : areas.filter((a) => a !== area.id))
                  }
                />{' '}
                {area.name}
              </label>
            ))}
          </fieldset>
          <MarkingSelect
            id={`${id}-edit-marking`}
            partner={partner}
            current={node.marking}
            value={marking}
            onChange={setMarking}
          />
          <FormActions
            submit={t('programmes.nodeRow.save')}
            pending={busy}
            onCancel={() => {
              setEditing(false)
              setTitle(node.title)
              setDescription(node.description)
              write.reset()
            }}
          />
        </form>
      ) : node.description === '' ? null : (
        <p className="tree-description">{node.description}</p>
      )}
      {write.error === null ? null : <ErrorState error={write.error} />}
      {children}
    </li>
  )
}
