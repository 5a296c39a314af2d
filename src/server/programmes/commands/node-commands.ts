import type { z } from 'zod'
import type { NodeCreate, NodeMove, NodePatch } from '../../../contract/programme.ts'
import { changedFields } from '../../../domain/audit-changes.ts'
import { DomainError, staleVersion } from '../../../domain/errors.ts'
import { sameMarking } from '../../../domain/marking.ts'
import { authorize } from '../../../domain/policy.ts'
import type { Principal } from '../../../domain/principal.ts'
import { assertMarkingWithin, assertParentKind } from '../../../domain/programme.ts'
import { recordAudit } from '../../../store/audit-store.ts'
import type { Db } from '../../../store/database.ts'
import { nextRevision, recordTombstone } from '../../../store/programme-revision-store.ts'
import {
  assertPriorityAreas,
  childMarkings,
  countHiddenParts,
  deleteSubtree,
  insertNode,
  moveNodeRow,
  requireVisibleNode,
  subtreeIds,
  updateNodeRow,
} from '../../../store/programme-tree-store.ts'
import { toMarking } from './marking-input.ts'
import { inProgrammeTransaction, openProgramme, programmeResource } from './open-programme.ts'

/*
 * Commands on the tree of objectives, goals and activities. Each runs in one transaction: lock and
 * load the programme, authorize, let the domain decide, write (the node's own version checked in
 * SQL), stamp the change with the programme's next revision, and audit.
 */

interface NodeRef {
  readonly programmeId: string
  readonly nodeId: string
}

/** Adds a node at its position among the visible siblings (default last). Returns its id. */
export async function addNode(
  db: Db,
  principal: Principal,
  input: { programmeId: string; node: z.infer<typeof NodeCreate> },
  _expected: null,
  now: Date,
): Promise<string> {
  return inProgrammeTransaction(db, input.programmeId, async (tx) => {
    const programme = await openProgramme(tx, db, principal, input.programmeId)
    authorize(principal, 'programme.edit', programmeResource(programme))
    const { node } = input
    const parent =
      node.parentId === null
        ? null
        : await requireVisibleNode(tx, principal, programme.id, node.parentId, 'parentId')
    const container = parent?.marking ?? programme.marking
    const marking = node.marking === undefined ? container : toMarking(principal, node.marking, container)
    assertParentKind(node.kind, parent)
    assertMarkingWithin(marking, container, node.kind)
    await assertPriorityAreas(tx, node.priorityAreas)
    const revision = await nextRevision(tx, programme.id, now)
    const id = await insertNode(
      tx,
      principal,
      programme.id,
      { ...node, marking, position: node.position ?? null },
      revision,
    )
    await recordAudit(
      tx,
      principal,
      {
        action: 'create',
        entity: 'programme_node',
        entityId: id,
        details: { programme: programme.id, kind: node.kind },
      },
      now,
    )
    return id
  })
}

/** Changes a node's words, areas and marking; its children must stay within its marking. */
export async function changeNode(
  db: Db,
  principal: Principal,
  input: NodeRef & { patch: z.infer<typeof NodePatch> },
  expected: number,
  now: Date,
): Promise<void> {
  await inProgrammeTransaction(db, input.programmeId, async (tx) => {
    const programme = await openProgramme(tx, db, principal, input.programmeId)
    const node = await requireVisibleNode(tx, principal, programme.id, input.nodeId)
    authorize(principal, 'programme.edit', programmeResource(programme))
    const { patch } = input
    const marking =
      patch.marking === undefined ? node.marking : toMarking(principal, patch.marking, node.marking)
    const parent =
      node.parentId === null ? null : await requireVisibleNode(tx, principal, programme.id, node.parentId)
    assertMarkingWithin(marking, parent?.marking ?? programme.marking, node.kind)
    const priorityAreas = patch.priorityAreas ?? node.priorityAreas
    await assertPriorityAreas(tx, priorityAreas)
    for (const child of await childMarkings(tx, node.id)) {
      assertMarkingWithin(child, marking, 'part it contains')
    }
    const revision = await nextRevision(tx, programme.id, now)
    const after = {
      title: patch.title ?? node.title,
      description: patch.description ?? node.description,
      priorityAreas,
      marking,
    }
    await updateNodeRow(tx, node, expected, after, revision)
    // Those who could see it under its old marking but not its new one see it go.
    if (!sameMarking(marking, node.marking)) await recordTombstone(tx, programme.id, node.marking, revision)
    const before = {
      title: node.title,
      description: node.description,
      priorityAreas: node.priorityAreas,
      marking: node.marking,
    }
    await recordAudit(
      tx,
      principal,
      {
        action: 'update',
        entity: 'programme_node',
        entityId: node.id,
        changes: changedFields(before, after),
      },
      now,
    )
  })
}

/** Moves a node to another parent of the right kind and/or another place among its siblings. */
export async function moveNode(
  db: Db,
  principal: Principal,
  input: NodeRef & { target: z.infer<typeof NodeMove> },
  expected: number,
  now: Date,
): Promise<void> {
  await inProgrammeTransaction(db, input.programmeId, async (tx) => {
    const programme = await openProgramme(tx, db, principal, input.programmeId)
    const node = await requireVisibleNode(tx, principal, programme.id, input.nodeId)
    authorize(principal, 'programme.edit', programmeResource(programme))
    const { target } = input
    const parent =
      target.parentId === null
        ? null
        : await requireVisibleNode(tx, principal, programme.id, target.parentId, 'parentId')
    assertParentKind(node.kind, parent)
    assertMarkingWithin(node.marking, parent?.marking ?? programme.marking, node.kind)
    const revision = await nextRevision(tx, programme.id, now)
    await moveNodeRow(tx, principal, programme.id, node, expected, target, revision)
    await recordAudit(
      tx,
      principal,
      { action: 'move', entity: 'programme_node', entityId: node.id, details: target },
      now,
    )
  })
}

/**
 * Deletes a node with its subtree and milestones. A partner may not delete a part whose subtree
 * holds parts it cannot see (they are the alliance's to remove): that is a 409, with no details.
 */
export async function deleteNode(
  db: Db,
  principal: Principal,
  input: NodeRef,
  expected: number,
  now: Date,
): Promise<void> {
  await inProgrammeTransaction(db, input.programmeId, async (tx) => {
    const programme = await openProgramme(tx, db, principal, input.programmeId)
    const node = await requireVisibleNode(tx, principal, programme.id, input.nodeId)
    authorize(principal, 'programme.edit', programmeResource(programme))
    if (node.version !== expected) throw staleVersion(node.kind, node.version)
    const subtree = await subtreeIds(tx, programme.id, node.id)
    if ((await countHiddenParts(tx, principal, subtree)) > 0) {
      throw new DomainError(
        'conflict',
        'This part holds items only alliance staff can change; ask them to remove it.',
      )
    }
    await deleteSubtree(tx, programme.id, node, subtree, expected)
    // Every part under it is marked within its marking: whoever saw any of them saw the node.
    await recordTombstone(tx, programme.id, node.marking, await nextRevision(tx, programme.id, now))
    await recordAudit(
      tx,
      principal,
      { action: 'delete', entity: 'programme_node', entityId: node.id, details: { removed: subtree.length } },
      now,
    )
  })
}
