import { createHash } from 'node:crypto'

/**
 * The tamper-evident audit trail (issue 8 item 4). Each entry carries a sequence number (1, 2, 3…
 * with no gaps), the hash of the entry before it, and its own hash: SHA-256 over a canonical
 * serialisation of its stored columns plus that previous hash. Altering, inserting or removing an
 * entry breaks the chain at that entry, which `walkAuditChain` names.
 *
 * What it cannot show on its own: someone who can write the table and rewrites every entry from
 * some point onwards (or deletes the newest entries). The head (sequence and hash) printed by
 * `liaison audit verify` is the anchor to keep elsewhere to catch that.
 */

/** The previous hash of the first entry. */
export const genesisHash = '0'.repeat(64)

/** An audit row as stored: text columns exactly as written, so the hash is engine-independent. */
export interface ChainedAuditRow {
  readonly seq: number | null
  readonly id: string
  readonly at: string
  readonly actor: string | null
  readonly action: string
  readonly entity: string
  readonly entity_id: string
  readonly details: string
  readonly changes: string
  readonly on_behalf_of: string | null
  readonly prev_hash: string | null
  readonly hash: string | null
}

export type HashedFields = Omit<ChainedAuditRow, 'hash' | 'prev_hash' | 'seq'> & { readonly seq: number }

/**
 * SHA-256 (hex) of the entry's columns, in a fixed order, as a JSON array, followed by the
 * previous hash. A JSON array (not an object) has no key order to disagree about.
 */
export function auditEntryHash(entry: HashedFields, previousHash: string): string {
  const canonical = JSON.stringify([
    entry.seq,
    entry.id,
    entry.at,
    entry.actor,
    entry.action,
    entry.entity,
    entry.entity_id,
    entry.details,
    entry.changes,
    entry.on_behalf_of,
    previousHash,
  ])
  return createHash('sha256').update(canonical).digest('hex')
}

export type ChainBreak =
  | { readonly kind: 'altered'; readonly seq: number; readonly id: string }
  | { readonly kind: 'inserted'; readonly seq: number | null; readonly id: string }
  | { readonly kind: 'removed'; readonly seq: number; readonly nextSeq: number; readonly nextId: string }
  | { readonly kind: 'relinked'; readonly seq: number; readonly id: string }

export type ChainVerdict =
  | { readonly ok: true; readonly count: number; readonly head: { seq: number; hash: string } | null }
  | { readonly ok: false; readonly count: number; readonly problem: ChainBreak }

/**
 * Walks rows in sequence order (rows without a sequence last) and returns the first break. Pure:
 * the caller pages the rows in from the database.
 */
export class AuditChainWalker {
  private expectedSeq = 1
  private previousHash = genesisHash
  private checked = 0
  private broken: ChainBreak | null = null

  /** Feeds the next row; returns false once the chain is broken (stop feeding). */
  push(row: ChainedAuditRow): boolean {
    if (this.broken !== null) {
      return false
    }
    this.broken = this.check(row)
    if (this.broken !== null) {
      return false
    }
    this.checked += 1
    this.expectedSeq += 1
    this.previousHash = row.hash ?? ''
    return true
  }

  verdict(): ChainVerdict {
    if (this.broken !== null) {
      return { ok: false, count: this.checked, problem: this.broken }
    }
    const head = this.checked === 0 ? null : { seq: this.expectedSeq - 1, hash: this.previousHash }
    return { ok: true, count: this.checked, head }
  }

  private check(row: ChainedAuditRow): ChainBreak | null {
    if (row.seq === null || row.seq < this.expectedSeq || row.hash === null) {
      return { kind: 'inserted', seq: row.seq, id: row.id }
    }
    if (row.seq > this.expectedSeq) {
      return { kind: 'removed', seq: this.expectedSeq, nextSeq: row.seq, nextId: row.id }
    }
    const selfConsistent = auditEntryHash({ ...row, seq: row.seq }, row.prev_hash ?? '') === row.hash
    if (!selfConsistent) {
      return { kind: 'altered', seq: row.seq, id: row.id }
    }
    if (row.prev_hash !== this.previousHash) {
      // Its own hash is right but it does not follow the entry before: it was written in (or
      // that entry was altered and re-hashed, which only the next entry's link can show).
      return { kind: 'relinked', seq: row.seq, id: row.id }
    }
    return null
  }
}

/** One line a person can act on, naming the entry by sequence number and id. */
export function describeChainBreak(problem: ChainBreak): string {
  switch (problem.kind) {
    case 'altered':
      return `entry #${problem.seq} (id ${problem.id}) was altered: its hash does not match its contents.`
    case 'inserted':
      return problem.seq === null
        ? `entry id ${problem.id} was inserted: it has no sequence number or hash.`
        : `entry #${problem.seq} (id ${problem.id}) was inserted: its sequence number is already taken.`
    case 'removed':
      return problem.nextSeq - problem.seq === 1
        ? `entry #${problem.seq} was removed: the trail goes from #${problem.seq - 1} to #${problem.nextSeq} (id ${problem.nextId}).`
        : `entries #${problem.seq} to #${problem.nextSeq - 1} were removed: the trail goes from #${problem.seq - 1} to #${problem.nextSeq} (id ${problem.nextId}).`
    case 'relinked':
      return `entry #${problem.seq} (id ${problem.id}) does not follow entry #${problem.seq - 1}: it was inserted, or #${problem.seq - 1} was altered and re-hashed.`
  }
}
