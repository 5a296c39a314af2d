import { hash, verify } from '@node-rs/argon2'

// Argon2id with the OWASP-recommended minimum (19 MiB, 2 passes). @node-rs/argon2 defaults to id.
const options = { memoryCost: 19456, timeCost: 2, parallelism: 1 }

export function hashPassword(password: string): Promise<string> {
  return hash(password, options)
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password)
  } catch {
    return false
  }
}

/** A hash of a random password, to spend the same time on unknown usernames as on known ones. */
export const decoyHash = hashPassword(`decoy-${Math.random()}`)
