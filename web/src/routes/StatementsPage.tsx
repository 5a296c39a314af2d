import { statementStatuses } from '../../../src/domain/engagement-statement.ts'
import { CsvLink } from '../components/CsvLink.tsx'
import { usePageMarking } from '../components/marking.tsx'
import { PageHeader } from '../components/PageHeader.tsx'
import { Pagination } from '../components/Pagination.tsx'
import { EmptyState, ErrorState, Loading } from '../components/states.tsx'
import { StatementCard } from '../features/engagements/StatementCard.tsx'
import { useStatementScope } from '../features/engagements/StatementsSection.tsx'
import { useStatements } from '../features/engagements/statement-queries.ts'
import { useSession } from '../features/session/queries.ts'
import { statementStatusLabels } from '../i18n/labels.ts'
import { useT } from '../i18n/useT.ts'
import { useAddressParams } from '../lib/useAddressParams.ts'

const pageSize = 25

/**
 * Every statement the viewer may see, filtered by partner (issuer or associate) and status; the
 * choices live in the address. Statements are added on their engagement's page.
 */
export function StatementsPage() {
  const t = useT()
  const { get, set: setAddress } = useAddressParams()
  const page = Math.max(0, Number(get('page')) || 0)
  const session = useSession()
  const scope = useStatementScope(session.data?.abilities.createEngagements ?? false)
  const statements = useStatements({
    partner: get('partner') || undefined,
    status: get('status') || undefined,
    limit: pageSize,
    offset: page * pageSize,
  })
  usePageMarking(statements.data?.marking)
  // A new filter starts again from the first page.
  const set = (key: string, value: string) =>
    setAddress(key === 'page' ? { page: value } : { [key]: value, page: '' })
  const select = (key: string, label: string, options: readonly (readonly [string, string])[]) => (
    <div className="field">
      <label htmlFor={`statements-${key}`}>{label}</label>
      <select
        id={`statements-${key}`}
        className="input"
        value={get(key)}
        onChange={(event) => set(key, event.target.value)}
      >
        <option value="">{t('page.statements.all')}</option>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  )
  const data = statements.data
  return (
    <>
      <title>{t('page.statements.statementsLiaison')}</title>
      <PageHeader
        title={t('page.statements.statements')}
        lead={t('page.statements.declarationsJointAndChairS')}
        actions={
          <CsvLink
            path="/api/v1/statements.csv"
            filters={{ partner: get('partner') || undefined, status: get('status') || undefined }}
            label={t('ui.csvLink.statements')}
          />
        }
      />
      <search className="filters" aria-label={t('page.statements.filterStatements')}>
        {select(
          'partner',
          t('page.statements.partnerIssuerOrAssociate'),
          scope.partners.map((partner) => [partner.code, partner.name] as const),
        )}
        {select(
          'status',
          t('page.statements.status'),
          statementStatuses.map((status) => [status, statementStatusLabels[status]] as const),
        )}
      </search>
      {statements.isError ? (
        <ErrorState error={statements.error} onRetry={() => statements.refetch()} />
      ) : data === undefined ? (
        <Loading label={t('page.statements.loadingStatements')} />
      ) : data.items.length === 0 ? (
        <EmptyState title={t('page.statements.noStatementsMatch')}>
          <p>{t('page.statements.clearAFilterToSee')}</p>
        </EmptyState>
      ) : (
        <>
          <p className="result-count" aria-live="polite">
            {t('page.statements.countAndPage', {
              total: data.total,
              page: page + 1,
              pages: Math.max(1, Math.ceil(data.total / pageSize)),
            })}
          </p>
          <ul className="card-list" data-testid="statement-list">
            {data.items.map((statement) => (
              <StatementCard key={statement.id} statement={statement} scope={scope} showEngagement />
            ))}
          </ul>
          <Pagination
            label={t('page.statements.statementPages')}
            page={page}
            pageSize={pageSize}
            total={data.total}
            onPage={(to) => set('page', String(to))}
          />
        </>
      )}
    </>
  )
}
