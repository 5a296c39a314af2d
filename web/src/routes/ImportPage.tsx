import { type FormEvent, useRef, useState } from 'react'
import { importKindValues } from '../../../src/contract/import.ts'
import { PageHeader } from '../components/PageHeader.tsx'
import { ErrorState, Loading } from '../components/states.tsx'
import { ImportProgress } from '../features/imports/ImportProgress.tsx'
import { useImportJob, useStartImport } from '../features/imports/queries.ts'
import { useSession } from '../features/session/queries.ts'

const kindLabels: Record<(typeof importKindValues)[number], string> = {
  partners: 'Partners',
  events: 'Relationship events',
  engagements: 'Engagements with participants',
  programmes: 'Programme trees',
}

/** Staff import CSV or JSON files: check first (a dry run), then import all or nothing. */
export function ImportPage() {
  const session = useSession()
  const [kind, setKind] = useState<string>('events')
  const [file, setFile] = useState<File | null>(null)
  const [fileError, setFileError] = useState<string | undefined>(undefined)
  const [jobId, setJobId] = useState<string | null>(null)
  const fileInput = useRef<HTMLInputElement>(null)
  const start = useStartImport(setJobId)
  const job = useImportJob(jobId)

  if (session.isPending) return <Loading label="Loading…" />
  if (session.data?.abilities.importRecords !== true) {
    return (
      <>
        <title>Import — Liaison</title>
        <PageHeader
          title="Import"
          lead="Only alliance staff import records from files. Sign in as staff to use this page."
        />
      </>
    )
  }

  const send = (dryRun: boolean) => {
    if (file === null) {
      setFileError('Choose a CSV or JSON file to import')
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
      <title>Import — Liaison</title>
      <PageHeader
        title="Import"
        lead="Bring records in from a CSV or JSON file. Every row is checked and every problem listed by row and field; nothing is imported unless the whole file is right."
      />
      <form className="section" onSubmit={onSubmit} noValidate>
        <div className="field">
          <label htmlFor="import-kind">The file holds</label>
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
          <label htmlFor="import-file">File</label>
          <p className="field-hint" id="import-file-hint">
            CSV with a header row (lists separated by “;”), or JSON: an array of records. The columns of each
            kind are in docs/import.md.
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
            Check the file (dry run)
          </button>
          <button type="submit" className="button primary" disabled={running}>
            Import
          </button>
        </div>
      </form>
      {start.isError ? <ErrorState error={start.error} /> : null}
      {job.isError ? <ErrorState error={job.error} onRetry={() => job.refetch()} /> : null}
      {job.data === undefined ? null : <ImportProgress job={job.data} />}
    </>
  )
}
