import { Link, useParams } from 'react-router'
import { usePageMarking } from '../components/marking.tsx'
import { PageHeader } from '../components/PageHeader.tsx'
import { ErrorState, isNotFound, Loading, NotFound } from '../components/states.tsx'
import { GanttTimeline } from '../features/programmes/GanttTimeline.tsx'
import { HeaderForm } from '../features/programmes/HeaderForm.tsx'
import { LifecyclePanel } from '../features/programmes/LifecyclePanel.tsx'
import { ProgrammeTree } from '../features/programmes/ProgrammeTree.tsx'
import { ProgressPanel } from '../features/programmes/ProgressPanel.tsx'
import { statusLabels, useProgramme } from '../features/programmes/queries.ts'
import { VersionsPanel } from '../features/programmes/VersionsPanel.tsx'
import { useT } from '../i18n/useT.ts'
import '../features/programmes/programmes.css'

/** One programme: facts, lifecycle, the editable tree, progress, timeline, versions and documents. */
export function ProgrammePage() {
  const t = useT()
  const { id = '' } = useParams()
  const programme = useProgramme(id)
  usePageMarking(programme.data?.marking)
  if (programme.isPending) return <Loading label={t('page.programme.loadingProgramme')} />
  if (programme.isError) {
    return isNotFound(programme.error) ? (
      <NotFound title={t('page.programme.programmeNotFound')} detail={programme.error.message} />
    ) : (
      <ErrorState error={programme.error} onRetry={() => programme.refetch()} />
    )
  }
  const data = programme.data
  const documentPath = `/api/v1/programmes/${encodeURIComponent(data.id)}/document`
  return (
    <>
      <title>{t('page.programme.liaison', { title: data.title })}</title>
      <nav aria-label={t('page.programme.breadcrumb')} className="breadcrumb">
        <Link to="/programmes">{t('page.programme.programmes')}</Link> <span aria-hidden="true">/</span>{' '}
        <span>{data.title}</span>
      </nav>
      <PageHeader
        eyebrow={`${data.kind} · ${data.partner.name}`}
        title={data.title}
        lead={data.abilities.edit ? t('page.programme.youCanEditThisText') : undefined}
      />
      <section className="panel" aria-labelledby="facts-title">
        <h2 id="facts-title" className="visually-hidden">
          {t('page.programme.keyFacts')}
        </h2>
        <dl className="facts">
          <div>
            <dt>{t('page.programme.partner')}</dt>
            <dd>
              <Link to={`/partners/${data.partner.code}`}>{data.partner.name}</Link>
            </dd>
          </div>
          <div>
            <dt>{t('page.programme.period')}</dt>
            <dd>{data.period.label}</dd>
          </div>
          <div>
            <dt>{t('page.programme.status')}</dt>
            <dd>{statusLabels[data.status]}</dd>
          </div>
          <div>
            <dt>{t('page.programme.agreed')}</dt>
            <dd>{data.agreedOn?.label ?? t('page.programme.notYet')}</dd>
          </div>
          <div>
            <dt>{t('page.programme.progress')}</dt>
            <dd>
              {data.progress.percentDone === null
                ? '—'
                : t('page.programme.ofMilestonesDone', { percentDone: data.progress.percentDone })}{' '}
              · {data.progress.late} {t('page.programme.late')} {data.progress.atRisk}{' '}
              {t('page.programme.atRisk')}
            </dd>
          </div>
          <div>
            <dt>{t('page.programme.supersession')}</dt>
            <dd>
              {data.supersedes === null ? null : (
                <>
                  {t('page.programme.supersedes')}{' '}
                  <Link to={`/programmes/${data.supersedes.id}`}>{data.supersedes.title}</Link>.{' '}
                </>
              )}
              {data.supersededBy === null ? null : (
                <>
                  {t('page.programme.supersededBy')}{' '}
                  <Link to={`/programmes/${data.supersededBy.id}`}>{data.supersededBy.title}</Link>.
                </>
              )}
              {data.supersedes === null && data.supersededBy === null ? t('page.programme.none') : null}
            </dd>
          </div>
          <div className="facts-wide">
            <dt>{t('page.programme.documents')}</dt>
            <dd className="doc-links">
              <a href={`${documentPath}.docx`} download>
                {t('page.programme.wordDocx')}
              </a>
              <a href={`${documentPath}.pdf`} download>
                {t('page.programme.pdf')}
              </a>
              <a href={`${documentPath}.md`} download>
                {t('page.programme.markdown')}
              </a>
            </dd>
          </div>
        </dl>
      </section>
      {data.abilities.edit ? (
        <div className="section">
          <HeaderForm programme={data} />
        </div>
      ) : null}
      <LifecyclePanel programme={data} today={data.today} />
      <section className="panel" aria-labelledby="tree-title">
        <h2 id="tree-title">{t('page.programme.objectivesGoalsAndActivities')}</h2>
        <ProgrammeTree programme={data} />
      </section>
      <section className="panel" aria-labelledby="pd-title">
        <h2 id="pd-title">{t('page.programme.publicDiplomacy')}</h2>
        <p>{data.publicDiplomacy || t('page.programme.noneRecorded')}</p>
      </section>
      <GanttTimeline programme={data} />
      <ProgressPanel id={data.id} />
      <VersionsPanel id={data.id} predecessor={data.supersedes} />
    </>
  )
}
