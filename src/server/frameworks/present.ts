import type { z } from 'zod'
import type { FrameworkMembership, FrameworkSummary } from '../../contract/framework.ts'
import { allows } from '../../domain/policy.ts'
import type { Principal } from '../../domain/principal.ts'
import type { FrameworkRecord, MembershipRecord } from '../../store/framework-store.ts'
import { presentFuzzyDateOrNull, presentMarking } from '../present.ts'

export function presentFramework(framework: FrameworkRecord): z.infer<typeof FrameworkSummary> {
  return {
    id: framework.id,
    name: framework.name,
    shortName: framework.shortName,
    formal: framework.formal,
    started: presentFuzzyDateOrNull(framework.started),
    description: framework.description,
    memberCount: framework.memberCount,
  }
}

export function presentMembership(
  principal: Principal,
  membership: MembershipRecord,
): z.infer<typeof FrameworkMembership> {
  return {
    id: membership.id,
    version: membership.version,
    code: membership.code,
    name: membership.name,
    from: presentFuzzyDateOrNull(membership.from),
    to: presentFuzzyDateOrNull(membership.to),
    status: membership.status,
    note: membership.note,
    marking: presentMarking(membership.marking),
    abilities: {
      edit: allows(principal, 'update', { type: 'registry' }),
      end: membership.to === null && allows(principal, 'update', { type: 'registry' }),
    },
  }
}

/** The abilities of a framework's page: edit it, add a member. */
export function frameworkAbilities(principal: Principal): { edit: boolean; addMembership: boolean } {
  return {
    edit: allows(principal, 'update', { type: 'registry' }),
    addMembership: allows(principal, 'create', { type: 'registry' }),
  }
}
