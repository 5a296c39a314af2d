/**
 * Failed sign-ins per account, whatever address they come from: the per-address limit alone is
 * beaten by spreading guesses over many addresses (or, behind a trusted proxy, many forwarded
 * ones). After `maxFailures` wrong passwords in `windowMs`, the account refuses every attempt,
 * the right password too, until the window ends; a success clears the count. In memory, per
 * process; the lasting lockout that an administrator lifts is in the database (account-lockout-store.ts).
 */
export interface SignInThrottle {
  /** Milliseconds until the account may try again, or 0 when it may try now. */
  blockedFor(username: string, at: Date): number
  failed(username: string, at: Date): void
  succeeded(username: string): void
}

interface Failures {
  count: number
  since: number
}

/** Past this many tracked accounts, expired entries are dropped, so sprayed usernames cannot pile up. */
const pruneAbove = 10_000

export function signInThrottle(maxFailures = 10, windowMs = 15 * 60_000): SignInThrottle {
  const failures = new Map<string, Failures>()
  const current = (key: string, now: number): Failures | undefined => {
    const entry = failures.get(key)
    if (entry !== undefined && now - entry.since >= windowMs) {
      failures.delete(key)
      return undefined
    }
    return entry
  }
  return {
    blockedFor(username, at) {
      const entry = current(username.toLowerCase(), at.getTime())
      return entry !== undefined && entry.count >= maxFailures
        ? Math.max(1, entry.since + windowMs - at.getTime())
        : 0
    },
    failed(username, at) {
      const key = username.toLowerCase()
      const now = at.getTime()
      if (failures.size > pruneAbove) {
        for (const [name, entry] of failures) {
          if (now - entry.since >= windowMs) {
            failures.delete(name)
          }
        }
      }
      const entry = current(key, now)
      if (entry === undefined) {
        failures.set(key, { count: 1, since: now })
      } else {
        entry.count += 1
      }
    },
    succeeded(username) {
      failures.delete(username.toLowerCase())
    },
  }
}
