import type { z } from 'zod'
import type { FrameworkMembership, FrameworkSummary } from '../../contract/framework.ts'
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

export function presentMembership(membership: MembershipRecord): z.infer<typeof FrameworkMembership> {
  return {
    code: membership.code,
    name: membership.name,
    from: presentFuzzyDateOrNull(membership.from),
    to: presentFuzzyDateOrNull(membership.to),
    status: membership.status,
    note: membership.note,
    marking: presentMarking(membership.marking),
  }
}
