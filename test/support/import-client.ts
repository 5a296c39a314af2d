import type { z } from 'zod'
import { ImportJobView } from '../../src/contract/import.ts'
import type { TestServer } from './server.ts'

/** Posts a file to the import API and, when accepted, follows the job until it is done. */
export async function importThrough(
  server: TestServer,
  cookie: string,
  kind: string,
  body: string,
  options: { dryRun?: boolean; type?: string } = {},
): Promise<{ status: number; body: unknown; job: z.infer<typeof ImportJobView> | null }> {
  const response = await fetch(
    `${server.url}/api/v1/imports?kind=${kind}&dryRun=${options.dryRun === true}`,
    {
      method: 'POST',
      headers: { cookie, 'content-type': options.type ?? 'text/csv' },
      body,
    },
  )
  const answer: unknown = await response.json()
  if (response.status !== 202) {
    return { status: response.status, body: answer, job: null }
  }
  let job = ImportJobView.parse(answer)
  const location = response.headers.get('location') ?? ''
  for (let attempt = 0; job.status === 'running' && attempt < 600; attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 50))
    const next = await fetch(`${server.url}${location}`, { headers: { cookie } })
    job = ImportJobView.parse(await next.json())
  }
  return { status: 202, body: answer, job }
}
