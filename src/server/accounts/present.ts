import type { z } from 'zod'
import type { UserView } from '../../contract/account.ts'
import type { AppUserTable } from '../../store/database.ts'
import { principalOf } from '../../store/user-store.ts'

type Kind = z.infer<typeof UserView>['kind']

/** An account as an administrator sees it: never the password hash. */
export function presentUser(row: AppUserTable): z.infer<typeof UserView> {
  const principal = principalOf(row)
  const kind: Kind = principal.kind === 'public' ? 'partner' : principal.kind
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    kind,
    country: row.country_code,
    clearance: principal.clearance,
    roles: [...principal.roles].sort(),
    status: row.disabled_at !== null ? 'disabled' : row.locked_at !== null ? 'locked' : 'active',
    failedSignIns: Number(row.failed_sign_ins),
    createdAt: row.created_at,
    version: Number(row.version),
  }
}
