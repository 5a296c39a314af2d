import { useId, useState } from 'react'
import { MilestoneView } from '../../../../src/contract/programme-view.ts'
import { ErrorState } from '../../components/states.tsx'
import { useT } from '../../i18n/useT.ts'
import { milestoneStatusLabel } from '../../lib/labels.ts'
import { MarkingTagFor } from './MarkingTag.tsx'
import { healthLabels, type MilestoneData, programmePath, useProgrammeWrite } from './queries.ts'
import { TitleDueForm } from './TitleDueForm.tsx'

const statuses: ReadonlyArray<MilestoneData['status']> = ['planned', 'in-progress', 'done', 'cancelled']

export function HealthBadge({ health }: { health: MilestoneData['health'] }) {
  return <span className={`health health-${health}`}>{healthLabels[health]}</span>
}

/** The milestones of one goal with due dates, derived health, and a status picker for editors. */
export function MilestoneList({
  programmeId,
  milestones,
  canTrack,
  canEdit,
}: {
  programmeId: string
  milestones: readonly MilestoneData[]
  canTrack: boolean
  canEdit: boolean
}) {
  const t = useT()
  if (milestones.length === 0) return null
  return (
    <ul className="milestone-list" aria-label={t('programmes.milestoneList.milestones')}>
      {milestones.map((milestone) => (
        <MilestoneItem
          key={milestone.id}
          programmeId={programmeId}
          milestone={milestone}
          canTrack={canTrack}
          canEdit={canEdit}
        />
      ))}
    </ul>
  )
}

function MilestoneItem({
  programmeId,
  milestone,
  canTrack,
  canEdit,
}: {
  programmeId: string
  milestone: MilestoneData
  canTrack: boolean
  canEdit: boolean
}) {
  const t = useT()
  // One write for the milestone's edit, status and deletion: the last refusal is the one shown.
  const write = useProgrammeWrite(
    MilestoneView.nullable(),
    (change: { method: 'PATCH' | 'DELETE'; body?: unknown }) => ({
      ...change,
      path: programmePath(programmeId, 'milestones', milestone.id),
      version: milestone.version,
    }),
  )
  const [editing, setEditing] = useState(false)
  const id = useId()
  if (editing) {
    return (
      <li className="milestone-item">
        <TitleDueForm
          titleLabel={t('programmes.milestoneList.milestoneTitle')}
          initial={{ title: milestone.title, due: milestone.due }}
          withDue
          submit={t('programmes.milestoneList.save')}
          pending={write.isPending}
          problem={write.error}
          onCancel={() => setEditing(false)}
          onSubmit={(title, due) =>
            write.mutate({ method: 'PATCH', body: { title, due } }, { onSuccess: () => setEditing(false) })
          }
        />
      </li>
    )
  }
  return (
    <li className="milestone-item" id={`milestone-${milestone.id}`} data-milestone-id={milestone.id}>
      <span aria-hidden="true">◆</span>
      <span>{milestone.title}</span>
      <span className="muted">
        {t('programmes.milestoneList.due')} <time dateTime={milestone.due}>{milestone.due}</time>
      </span>
      {/* One status control: the dropdown for who tracks it (flagged when late or at risk), the badge otherwise. */}
      {!canTrack || milestone.health === 'late' || milestone.health === 'at-risk' ? (
        <HealthBadge health={milestone.health} />
      ) : null}
      <MarkingTagFor marking={milestone.marking} />
      {canTrack ? (
        <>
          <label htmlFor={`${id}-status`} className="visually-hidden">
            {t('programmes.milestoneList.statusOf', { title: milestone.title })}
          </label>
          <select
            id={`${id}-status`}
            className="input"
            value={milestone.status}
            onChange={(event) => write.mutate({ method: 'PATCH', body: { status: event.target.value } })}
          >
            {statuses.map((status) => (
              <option key={status} value={status}>
                {milestoneStatusLabel(status)}
              </option>
            ))}
          </select>
        </>
      ) : null}
      {canEdit ? (
        <span className="tree-actions">
          <button
            type="button"
            className="button secondary"
            onClick={() => {
              write.reset()
              setEditing(true)
            }}
            aria-label={t('programmes.milestoneList.editMilestone', { title: milestone.title })}
          >
            {t('programmes.milestoneList.edit')}
          </button>
          <button
            type="button"
            className="button secondary"
            aria-label={t('programmes.milestoneList.deleteMilestone', { title: milestone.title })}
            onClick={() => {
              if (window.confirm(t('programmes.milestoneList.confirmDelete', { title: milestone.title })))
                write.mutate({ method: 'DELETE' })
            }}
          >
            {t('programmes.milestoneList.delete')}
          </button>
        </span>
      ) : null}
      {write.error === null ? null : <ErrorState error={write.error} />}
    </li>
  )
}
