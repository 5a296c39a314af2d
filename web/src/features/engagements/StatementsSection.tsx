import { useState } from 'react'
import { useT } from '../../i18n/useT.ts'
import { usePartners } from '../partners/queries.ts'
import { useSession } from '../session/queries.ts'
import type { EngagementDetailData } from './queries.ts'
import { StatementCard, type StatementScope } from './StatementCard.tsx'
import { StatementForm } from './StatementForm.tsx'
import { useSaveStatement } from './statement-queries.ts'
import './statements.css'

/**
 * The viewer, their rights and the partners' names, shared by every statement card on the page. `canManage` is
 * the engagement's `abilities.update`: the API applies one policy to engagements and their statements.
 */
export function useStatementScope(canManage: boolean): StatementScope {
  const session = useSession()
  const partners = usePartners({})
  const items = partners.data?.items ?? []
  const names = new Map(items.map((partner) => [partner.code, partner.name]))
  return {
    viewer: {
      associate: session.data?.abilities.associate ?? 'none',
      country: session.data?.country ?? null,
    },
    canManage,
    countryName: (code) => names.get(code) ?? code,
    partners: items.map((partner) => ({ code: partner.code, name: partner.name })),
  }
}

/** The engagement's own statements (sideline ones show with their meeting), and adding one. */
export function Statements({ data, scope }: { data: EngagementDetailData; scope: StatementScope }) {
  const t = useT()
  const own = data.statements.filter((statement) => statement.engagementId === data.id)
  const [adding, setAdding] = useState(false)
  const save = useSaveStatement()
  return (
    <section className="section" aria-labelledby="statements-title">
      <div className="statement-head">
        <h2 id="statements-title">{t('engagements.statementsSection.statements')}</h2>
        {scope.canManage && !adding ? (
          <button
            type="button"
            className="button"
            onClick={() => {
              save.reset()
              setAdding(true)
            }}
          >
            {t('engagements.statementsSection.addStatement')}
          </button>
        ) : null}
      </div>
      {adding ? (
        <div className="card" data-testid="statement-editor">
          <h3>{t('engagements.statementsSection.addAStatement')}</h3>
          <StatementForm
            initial={undefined}
            engagementId={data.id}
            pending={save.isPending}
            serverError={save.error}
            onCancel={() => setAdding(false)}
            onSubmit={(input) => save.mutate({ input }, { onSuccess: () => setAdding(false) })}
          />
        </div>
      ) : null}
      {own.length === 0 ? (
        <p className="muted">{t('engagements.statementsSection.noStatementIsRecordedFor')}</p>
      ) : (
        <ul className="card-list">
          {own.map((statement) => (
            <StatementCard key={statement.id} statement={statement} scope={scope} />
          ))}
        </ul>
      )}
    </section>
  )
}
