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
import '../features/programmes/programmes.css'

/** One programme: facts, lifecycle, the editable tree, progress, timeline, versions and documents. */
export function ProgrammePage() {
  const { id = '' } = useParams()
  const programme = useProgramme(id)
  usePageMarking(programme.data?.marking)
  if (programme.isPending) return <Loading label="Loading programme…" />
  if (programme.isError) {
    return isNotFound(programme.error) ? (
      <NotFound title="Programme not found" detail={programme.error.message} />
    ) : (
      <ErrorState error={programme.error} onRetry={() => programme.refetch()} />
    )
  }
  const data = programme.data
  const documentPath = `/api/v1/programmes/${encodeURIComponent(data.id)}/document`
  return (
    <>
      <title>{`${data.title} — Liaison`}</title>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/programmes">Programmes</Link> <span aria-hidden="true">/</span> <span>{data.title}</span>
      </nav>
      <PageHeader
        eyebrow={`${data.kind} · ${data.partner.name}`}
        title={data.title}
        lead={
          data.abilities.edit
            ? 'You can edit this text: change a part in place, move it up or down, or add new parts.'
            : undefined
        }
      />
      <section className="panel" aria-labelledby="facts-title">
        <h2 id="facts-title" className="visually-hidden">
          Key facts
        </h2>
        <dl className="facts">
          <div>
            <dt>Partner</dt>
            <dd>
              <Link to={`/partners/${data.partner.code}`}>{data.partner.name}</Link>
            </dd>
          </div>
          <div>
            <dt>Period</dt>
            <dd>{data.period.label}</dd>
          </div>
          <div>
            <dt>Status</dt>
            <dd>{statusLabels[data.status]}</dd>
          </div>
          <div>
            <dt>Agreed</dt>
            <dd>{data.agreedOn?.label ?? 'Not yet'}</dd>
          </div>
          <div>
            <dt>Progress</dt>
            <dd>
              {data.progress.percentDone === null ? '—' : `${data.progress.percentDone}% of milestones done`}{' '}
              · {data.progress.late} late · {data.progress.atRisk} at risk
            </dd>
          </div>
          <div>
            <dt>Supersession</dt>
            <dd>
              {data.supersedes === null ? null : (
                <>
                  Supersedes <Link to={`/programmes/${data.supersedes.id}`}>{data.supersedes.title}</Link>.{' '}
                </>
              )}
              {data.supersededBy === null ? null : (
                <>
                  Superseded by{' '}
                  <Link to={`/programmes/${data.supersededBy.id}`}>{data.supersededBy.title}</Link>.
                </>
              )}
              {data.supersedes === null && data.supersededBy === null ? 'None' : null}
            </dd>
          </div>
          <div className="facts-wide">
            <dt>Documents</dt>
            <dd className="doc-links">
              <a href={`${documentPath}.docx`} download>
                Word (DOCX)
              </a>
              <a href={`${documentPath}.pdf`} download>
                PDF
              </a>
              <a href={`${documentPath}.md`} download>
                Markdown
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
        <h2 id="tree-title">Objectives, goals and activities</h2>
        <ProgrammeTree programme={data} />
      </section>
      <section className="panel" aria-labelledby="pd-title">
        <h2 id="pd-title">Public diplomacy</h2>
        <p>{data.publicDiplomacy || 'None recorded.'}</p>
      </section>
      <GanttTimeline programme={data} />
      <ProgressPanel id={data.id} />
      <VersionsPanel id={data.id} predecessor={data.supersedes} />
    </>
  )
}
