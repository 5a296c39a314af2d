import { type FormEvent, useRef, useState } from 'react'
import { importKindValues } from '../../../src/contract/import.ts'
import { PageHeader } from '../components/PageHeader.tsx'
import { ErrorState, Loading } from '../components/states.tsx'
import { ImportProgress } from '../features/imports/ImportProgress.tsx'
import { PastImports } from '../features/imports/PastImports.tsx'
import { useImportJob, useStartImport } from '../features/imports/queries.ts'
import { useSession } from '../features/session/queries.ts'
import { labelsOf } from '../i18n/labels.ts'
import { useT } from '../i18n/useT.ts'

const kindLabels = labelsOf('importKind', importKindValues)

/** Staff import CSV or JSON files: check first (a dry run), then import all or nothing. */
export function ImportPage() {
  const t = useT()
  const session = useSession()
  const [kind, setKind] = useState<string>('events')
  const [file, setFile] = useState<File | null>(null)
  const [fileError, setFileError] = useState<string | undefined>(undefined)
  const [jobId, setJobId] = useState<string | null>(null)
  const fileInput = useRef<HTMLInputElement>(null)
  const start = useStartImport(setJobId)
  const job = useImportJob(jobId)

  if (session.isPending) return <Loading label={t('page.import.loading')} />
  if (session.data?.abilities.importRecords !== true) {
    return (
      <>
        <title>{t('page.import.importLiaison')}</title>
        <PageHeader title={t('page.import.import')} lead={t('page.import.onlyAllianceStaffImportRecords')} />
      </>
    )
  }

  const send = (dryRun: boolean) => {
    if (file === null) {
      setFileError(t('page.import.chooseAFile'))
      fileInput.current?.focus()
      return
    }
    setFileError(undefined)
    setJobId(null)
    start.mutate({ kind, dryRun, file })
  }
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    send(false)
  }
  const running = start.isPending || job.data?.status === 'running'

  return (
    <>
      <title>{t('page.import.importLiaison')}</title>
      <PageHeader title={t('page.import.import')} lead={t('page.import.bringRecordsInFromA')} />
      <form className="section" onSubmit={onSubmit} noValidate>
        <div className="field">
          <label htmlFor="import-kind">{t('page.import.theFileHolds')}</label>
          <select
            id="import-kind"
            className="input"
            value={kind}
            onChange={(event) => setKind(event.target.value)}
          >
            {importKindValues.map((value) => (
              <option key={value} value={value}>
                {kindLabels[value]}
              </option>
            ))}
          </select>
        </div>
        <div className={`field${fileError === undefined ? '' : ' has-error'}`}>
          <label htmlFor="import-file">{t('page.import.file')}</label>
          <p className="field-hint" id="import-file-hint">
            {t('page.import.csvWithAHeaderRow')}
          </p>
          <input
            id="import-file"
            ref={fileInput}
            type="file"
            className="input"
            accept=".csv,.json,text/csv,application/json"
            aria-invalid={fileError === undefined ? undefined : true}
            aria-describedby={
              fileError === undefined ? 'import-file-hint' : 'import-file-hint import-file-error'
            }
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null)
              setFileError(undefined)
            }}
          />
          {fileError === undefined ? null : (
            <p className="field-error" id="import-file-error">
              {fileError}
            </p>
          )}
        </div>
        <div className="import-actions">
          <button type="button" className="button secondary" disabled={running} onClick={() => send(true)}>
            {t('page.import.checkTheFileDryRun')}
          </button>
          <button type="submit" className="button primary" disabled={running}>
            {t('page.import.import')}
          </button>
        </div>
      </form>
      {start.isError ? <ErrorState error={start.error} /> : null}
      {job.isError ? <ErrorState error={job.error} onRetry={() => job.refetch()} /> : null}
      {job.data === undefined ? null : <ImportProgress job={job.data} />}
      <PastImports />
    </>
  )
}
