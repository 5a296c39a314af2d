import { useRef } from 'react'
import { Link, useLocation, useNavigate, useParams } from 'react-router'
import { usePageMarking } from '../components/marking.tsx'
import { PageHeader } from '../components/PageHeader.tsx'
import { ErrorState, Loading } from '../components/states.tsx'
import { EngagementForm, type EngagementPrefill } from '../features/engagements/EngagementForm.tsx'
import { useEngagement, useSaveEngagement } from '../features/engagements/queries.ts'
import { isSignedIn, useSession } from '../features/session/queries.ts'
import { useT } from '../i18n/useT.ts'

/** In place of a form the person may not submit: why, and where to go instead. */
function NotYours({ signedIn, backTo }: { signedIn: boolean; backTo: string }) {
  const t = useT()
  return (
    <>
      <title>{t('page.engagementEdit.recordAnEngagementLiaison')}</title>
      <PageHeader title={t('page.engagementEdit.recordAnEngagement')} />
      <div className="empty-state" role="status">
        <p>
          {signedIn
            ? t('page.engagementEdit.engagementsAreRecordedByAlliance')
            : t('page.engagementEdit.signInAsAllianceStaff')}
        </p>
        <p>
          {signedIn ? null : (
            <>
              <Link to={`/sign-in?next=${encodeURIComponent(backTo)}`}>
                {t('page.engagementEdit.signIn')}
              </Link>
              {' · '}
            </>
          )}
          <Link to="/engagements">{t('page.engagementEdit.backToTheEngagements')}</Link>
        </p>
      </div>
    </>
  )
}

/** The title, start, end and zone another page sent in the router state (a chosen slot), if it sent any. */
function prefillFrom(state: unknown): EngagementPrefill | undefined {
  if (typeof state !== 'object' || state === null || !('prefill' in state)) return undefined
  const prefill: unknown = state.prefill
  if (typeof prefill !== 'object' || prefill === null) return undefined
  const text = (key: string) => {
    const value: unknown = (prefill as Record<string, unknown>)[key]
    return typeof value === 'string' ? value : undefined
  }
  const fields = { title: text('title'), start: text('start'), end: text('end'), timeZone: text('timeZone') }
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined))
}

/** Record a new engagement (/engagements/new) or edit one (/engagements/:id/edit). */
export function EngagementEditPage() {
  const t = useT()
  const { id } = useParams()
  const navigate = useNavigate()
  const location = useLocation()
  const existing = useEngagement(id ?? '')
  const save = useSaveEngagement()
  const session = useSession()
  usePageMarking(existing.data?.pageMarking)
  // Once the form is shown it stays: a session ending behind the page keeps what was typed, and the
  // refusal of the save says what to do.
  const shown = useRef(false)
  if (session.data === undefined) {
    return <Loading label={t('page.engagementEdit.loading')} />
  }
  if (!shown.current && id === undefined && !session.data.abilities.createEngagements) {
    return <NotYours signedIn={isSignedIn(session.data)} backTo={location.pathname} />
  }
  if (id !== undefined && existing.isError) {
    return <ErrorState error={existing.error} />
  }
  if (id !== undefined && existing.data === undefined) {
    return <Loading label={t('page.engagementEdit.loadingEngagement')} />
  }
  const initial = id === undefined ? undefined : existing.data
  if (!shown.current && initial !== undefined && !initial.abilities.update) {
    return <NotYours signedIn={isSignedIn(session.data)} backTo={location.pathname} />
  }
  shown.current = true
  return (
    <>
      <title>
        {initial === undefined
          ? t('page.engagementEdit.recordAnEngagementLiaison')
          : t('page.engagementEdit.editLiaison', { title: initial.title })}
      </title>
      <PageHeader
        title={
          initial === undefined
            ? t('page.engagementEdit.recordAnEngagement')
            : t('page.engagementEdit.edit', { title: initial.title })
        }
        lead={t('page.engagementEdit.timesAreWallClockTimes')}
      />
      {/* Keyed by the record, not its version: after a 409 what was typed stays, over the version now read. */}
      <EngagementForm
        key={initial?.id ?? 'new'}
        initial={initial}
        prefill={id === undefined ? prefillFrom(location.state) : undefined}
        pending={save.isPending}
        serverError={save.error}
        onSubmit={(input) =>
          save.mutate(
            { id, version: initial?.version, input },
            { onSuccess: (saved) => navigate(`/engagements/${encodeURIComponent(saved.id)}`) },
          )
        }
      />
    </>
  )
}
