import { parseArgs } from 'node:util'
import { CliError } from './cli-error.ts'

const usage = `Usage: liaison <command> [options]

Commands:
  serve     Start the web app and API (migrates, and loads the demo data into an empty database)
  migrate   Bring the database schema up to date
  seed      Load data: --demo loads the reference dataset and (re)sets the demo users' password
  audit verify  Check the audit trail's hash chain: exit 0 with the count, or 1 naming the
            first altered, inserted or removed entry
  import FILE  Import a CSV or JSON file of partners, events, engagements or programmes
            (--kind, else the file name's first word): every problem by row and field,
            all or nothing; --dry-run checks and changes nothing. Columns: docs/import.md
  export    JSON of every record a user may see, with markings: [--as USERNAME] (default: all,
            as staff) [--out FILE] (default: standard output); ordered, so two exports compare
  backup FILE   A consistent copy of the live database: SQLite's online backup, or pg_dump's
            custom format (with --logical, or without pg_dump on PATH: a logical backup taken
            in one snapshot)
  restore FILE  Restore a backup into an EMPTY database (a new SQLite file, or an empty
            PostgreSQL database); refuses one that holds tables
  schedule  Best meeting slots: --with BRU,TYO,CBR,WLG,SEL --from 2026-03-23 --to 2026-04-10
            [--duration 60] [--step 15] [--limit 10] [--json]; places are city codes, IANA
            zones, member or partner codes (JPN, from the database) or office:tokyo

Options:
  --db <path|url>   SQLite file (default var/liaison.db) or postgres:// URL; env DATABASE_URL
  --port <n>        Port for serve (default 3000); env PORT
  --host <addr>     Address for serve (default 127.0.0.1); env HOST
  --demo            With seed: load the demo dataset
  -h, --help        Show this help

Environment:
  LIAISON_DEMO_PASSWORD   Password of the demo users (staff, fra, jpn, kor); random when unset
  LIAISON_TRUST_PROXY     Proxies whose X-Forwarded-For to believe: addresses/CIDRs or a hop count
  LIAISON_LOCKOUT_AFTER   Consecutive failed sign-ins that lock an account (default 5)
  LIAISON_BODY_LIMIT      Largest request body in bytes (default 1048576, 1 MiB)
  LIAISON_OIDC_PROVIDERS  Single sign-on providers: JSON, or the path of a JSON file (see README)
`

async function main(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parse>
  try {
    parsed = parse(argv)
  } catch (error) {
    console.error(`liaison: ${(error as Error).message}. Try 'liaison --help'.`)
    return 2
  }
  const { values, positionals } = parsed
  if (values.help === true || positionals.length === 0) {
    console.log(usage)
    return positionals.length === 0 && values.help !== true ? 2 : 0
  }
  try {
    // Loaded only for a command: the help above answers without the server's modules.
    const { runCommand } = await import('./commands.ts')
    return await runCommand(positionals, values)
  } catch (error) {
    if (error instanceof CliError) {
      console.error(`liaison: ${error.message}`)
      return 1
    }
    console.error(`liaison: unexpected error: ${(error as Error).message}`)
    return 1
  }
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      db: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      demo: { type: 'boolean' },
      with: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      duration: { type: 'string' },
      step: { type: 'string' },
      limit: { type: 'string' },
      json: { type: 'boolean' },
      kind: { type: 'string' },
      'dry-run': { type: 'boolean' },
      as: { type: 'string' },
      out: { type: 'string' },
      logical: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  })
}

const code = await main(process.argv.slice(2))
if (code !== 0) {
  process.exit(code)
}
