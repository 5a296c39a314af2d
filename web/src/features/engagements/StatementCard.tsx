import { useRef, useState } from 'react'
import { Link } from 'react-router'
import { FormActions } from '../../components/FormActions.tsx'
import { MarkingTag } from '../../components/marking.tsx'
import { ErrorState } from '../../components/states.tsx'
import { statementKindLabels, statementStatusLabels } from '../../i18n/labels.ts'
import { useT } from '../../i18n/useT.ts'
import { formatDay } from './EngagementWhen.tsx'
import { StatementAssociations, type Viewer } from './StatementAssociations.tsx'
import { StatementForm } from './StatementForm.tsx'
import { type StatementData, useDeleteStatement, useSaveStatement } from './statement-queries.ts'

/** What every statement card on a page needs to know about the viewer and the partners. */
export interface StatementScope {
  readonly viewer: Viewer
  /** May record, change and delete statements (staff, per the API's engagement policy). */
  readonly canManage: boolean
  readonly countryName: (code: string) => string
  readonly partners: readonly { code: string; name: string }[]
}

/** Asks before deleting; a 409 (changed meanwhile) or other problem is shown inside the dialog. */
function DeleteStatement({ statement }: { statement: StatementData }) {
  const t = useT()
  const dialog = useRef<HTMLDialogElement>(null)
  const remove = useDeleteStatement()
  const titleId = `delete-${statement.id}-title`
  return (
    <>
      <button
        type="button"
        className="button secondary"
        aria-label={t('engagements.statementCard.delete2', { title: statement.title })}
        onClick={() => {
          remove.reset()
          dialog.current?.showModal()
        }}
      >
        {t('engagements.statementCard.delete')}
      </button>
      <dialog ref={dialog} className="statement-dialog" aria-labelledby={titleId}>
        <h3 id={titleId}>{t('engagements.statementCard.deleteThisStatement')}</h3>
        <p>
          “{statement.title}
          {t('engagements.statementCard.andItsPartnerAssociationsWill')}
        </p>
        {remove.error === null ? null : <ErrorState error={remove.error} />}
        <FormActions
          className="statement-actions"
          submit={
            remove.isPending
              ? t('engagements.statementCard.deleting')
              : t('engagements.statementCard.deleteStatement')
          }
          pending={remove.isPending}
          onConfirm={() =>
            remove.mutate(
              { id: statement.id, version: statement.version },
              { onSuccess: () => dialog.current?.close() },
            )
          }
          onCancel={() => dialog.current?.close()}
        />
      </dialog>
    </>
  )
}

/**
 * One statement; one that was deliberately not issued says so in words. `showEngagement` links the
 * engagement it belongs to, for lists that are not on the engagement's own page.
 */
export function StatementCard({
  statement,
  scope,
  showEngagement = false,
}: {
  statement: StatementData
  scope: StatementScope
  showEngagement?: boolean
}) {
  const t = useT()
  const [editing, setEditing] = useState(false)
  const save = useSaveStatement()
  const notIssued = statement.status === 'not-issued'
  if (editing) {
    return (
      <li className="card" data-testid="statement-editor">
        <StatementForm
          key={statement.version}
          initial={statement}
          engagementId={statement.engagementId ?? ''}
          pending={save.isPending}
          serverError={save.error}
          onCancel={() => setEditing(false)}
          onSubmit={(input) =>
            save.mutate(
              { id: statement.id, version: statement.version, input },
              { onSuccess: () => setEditing(false) },
            )
          }
        />
      </li>
    )
  }
  return (
    <li className="card" data-testid="statement" data-status={statement.status}>
      <p className="card-title">
        {notIssued ? (
          <strong>
            {t('engagements.statementCard.no')} {statementKindLabels[statement.kind].toLowerCase()}
          </strong>
        ) : (
          <strong>{statement.title}</strong>
        )}{' '}
        <span className="tag">{statementStatusLabels[statement.status]}</span>{' '}
        <MarkingTag marking={statement.marking} />
      </p>
      {notIssued ? <p>{statement.title}</p> : null}
      {showEngagement && statement.engagementId !== null ? (
        <p>
          {t('engagements.statementCard.at')}{' '}
          <Link to={`/engagements/${encodeURIComponent(statement.engagementId)}`}>
            {statement.engagementTitle ?? statement.engagementId}
          </Link>
        </p>
      ) : null}
      <p className="muted">
        {statementKindLabels[statement.kind]}
        {statement.issuedOn === null
          ? ''
          : t('engagements.statementCard.issued', { day: formatDay(statement.issuedOn) })}
        {statement.issuers.length === 0
          ? ''
          : t('engagements.statementCard.by', { issuers: statement.issuers.join(', ') })}
      </p>
      {statement.summary === '' ? null : <p>{statement.summary}</p>}
      <StatementAssociations
        statementId={statement.id}
        title={statement.title}
        issued={statement.status === 'issued'}
        issuers={statement.issuers}
        associated={statement.associations.map((association) => association.country)}
        viewer={scope.viewer}
        countryName={scope.countryName}
        partners={scope.partners}
      />
      {scope.canManage ? (
        <div className="statement-actions">
          <button
            type="button"
            className="button secondary"
            aria-label={t('engagements.statementCard.edit2', { title: statement.title })}
            onClick={() => {
              save.reset()
              setEditing(true)
            }}
          >
            {t('engagements.statementCard.edit')}
          </button>
          <DeleteStatement statement={statement} />
        </div>
      ) : null}
    </li>
  )
}
