import { spawn, spawnSync } from 'node:child_process'

/** Whether `tool` (pg_dump, pg_restore) runs from PATH. */
export function hasTool(tool: string): boolean {
  const probe = spawnSync(tool, ['--version'], { stdio: 'ignore' })
  return probe.error === undefined && probe.status === 0
}

/**
 * The URL without its password, and the environment that carries it instead: a password in an
 * argument is readable by every user of the machine in the process list.
 */
function connection(url: string): { url: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url)
  const password = decodeURIComponent(parsed.password)
  parsed.password = ''
  return {
    url: parsed.toString(),
    env: password === '' ? process.env : { ...process.env, PGPASSWORD: password },
  }
}

function run(tool: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env, stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (chunk) => {
      stderr += chunk
    })
    child.on('error', reject)
    child.on('close', (code) => {
      if (code === 0) resolve()
      else
        reject(new Error(`${tool} failed (exit ${code}): ${stderr.trim().split('\n').slice(-3).join(' ')}`))
    })
  })
}

/** `pg_dump` in its custom format: one consistent snapshot, schema and data, compressed. */
export function pgDump(url: string, file: string): Promise<void> {
  const target = connection(url)
  return run(
    'pg_dump',
    ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`, target.url],
    target.env,
  )
}

/** `pg_restore` of a custom-format dump, all or nothing. */
export function pgRestore(file: string, url: string): Promise<void> {
  const target = connection(url)
  return run(
    'pg_restore',
    [
      '--no-owner',
      '--no-privileges',
      '--exit-on-error',
      '--single-transaction',
      `--dbname=${target.url}`,
      file,
    ],
    target.env,
  )
}
