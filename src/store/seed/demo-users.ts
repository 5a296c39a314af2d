import type { Db } from '../database.ts'
import { hashPassword } from '../password.ts'
import { type NewUser, upsertUser } from '../user-store.ts'

type DemoUser = Omit<NewUser, 'passwordHash'>

/** One user of each kind, so that every view of the demo can be tried. */
export const demoUsers: readonly DemoUser[] = [
  {
    username: 'staff',
    kind: 'staff',
    country: null,
    clearance: 'CONFIDENTIAL',
    displayName: 'Partnership desk officer',
    roles: ['desk-officer', 'administrator'],
  },
  {
    username: 'fra',
    kind: 'ally',
    country: 'FRA',
    clearance: 'CONFIDENTIAL',
    displayName: 'Delegation of France',
    roles: ['delegation'],
  },
  {
    username: 'jpn',
    kind: 'partner',
    country: 'JPN',
    clearance: 'RESTRICTED',
    displayName: 'Mission of Japan',
    roles: ['partner-mission'],
  },
  {
    username: 'kor',
    kind: 'partner',
    country: 'KOR',
    clearance: 'RESTRICTED',
    displayName: 'Mission of the Republic of Korea',
    roles: ['partner-mission'],
  },
]

/** Creates the demo users, or resets their password if they exist. */
export async function upsertDemoUsers(db: Db, password: string, now: Date): Promise<void> {
  const passwordHash = await hashPassword(password)
  for (const user of demoUsers) {
    await upsertUser(db, { ...user, passwordHash }, now)
  }
}

/** True when nothing has been loaded yet: the first start. */
export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const row = await db.kysely.selectFrom('country').select('code').limit(1).executeTakeFirst()
  return row === undefined
}
