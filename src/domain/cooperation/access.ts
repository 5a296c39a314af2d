import { type Refusal, refuse } from '../errors.ts'
import type { Principal } from '../principal.ts'
import { mayStepInvitation, mayStepRequest, registrationRefusal, reportRefusal } from './lifecycle.ts'
import type {
  EventPhase,
  InvitationStatus,
  ProviderKind,
  RegistrationStatus,
  RequestStatus,
} from './vocabulary.ts'

/**
 * Who plays which part in a request (docs/cooperation.md): staff hold `cooperation.manage`; the
 * provider is the delegation of the member that offers the item (an alliance body's items are
 * provided by staff); the partner is the requesting country's mission. Permissions arrive as the
 * set `policy.ts` computed, so this module never reads a principal's kind.
 */
export type CooperationPart = 'staff' | 'provider' | 'partner' | 'none'

export interface ProviderRef {
  readonly kind: ProviderKind
  readonly code: string
}

type Granted = ReadonlySet<string>

export function cooperationPart(
  principal: Principal,
  granted: Granted,
  partner: string,
  provider: ProviderRef,
): CooperationPart {
  if (granted.has('cooperation.manage')) return 'staff'
  if (
    granted.has('cooperation.provide-own') &&
    provider.kind === 'member' &&
    principal.country !== null &&
    principal.country === provider.code
  ) {
    return 'provider'
  }
  if (granted.has('cooperation.request-own') && principal.country === partner) return 'partner'
  return 'none'
}

/**
 * What the principal reads of requests and registrations, for the SQL filter: every one, or those
 * of its country as requester and/or as provider. Markings apply on top.
 */
export interface CooperationReach {
  readonly all: boolean
  readonly asPartner: string | null
  readonly asProvider: string | null
}

export function cooperationReach(principal: Principal, granted: Granted): CooperationReach {
  const country = principal.country
  return {
    all: granted.has('cooperation.manage'),
    asPartner: country !== null && granted.has('cooperation.request-own') ? country : null,
    asProvider: country !== null && granted.has('cooperation.provide-own') ? country : null,
  }
}

export type CooperationAction =
  | 'cooperation.request'
  | 'cooperation.approve'
  | 'cooperation.decline'
  | 'cooperation.withdraw'
  | 'cooperation.respond'
  | 'cooperation.register'
  | 'cooperation.cancel'
  | 'cooperation.attendance'
  | 'cooperation.report'

export type CooperationResource =
  | {
      readonly type: 'cooperation-event'
      /** The partner that would request it. */
      readonly partner: string
      readonly provider: ProviderRef
      readonly phase: EventPhase
    }
  | {
      readonly type: 'cooperation-request'
      readonly partner: string
      readonly provider: ProviderRef
      readonly status: RequestStatus
      readonly invitation: InvitationStatus | null
      readonly phase: EventPhase
      readonly reported: boolean
    }
  | {
      readonly type: 'cooperation-registration'
      readonly partner: string
      readonly provider: ProviderRef
      readonly status: RegistrationStatus
      readonly phase: EventPhase
    }

const forbidden = (message: string) => refuse('forbidden', message)
const invalidState = (message: string, currentStatus: string) =>
  refuse('invalid-state', message, { currentStatus })

const partnerSteps: readonly CooperationAction[] = [
  'cooperation.request',
  'cooperation.withdraw',
  'cooperation.respond',
  'cooperation.register',
  'cooperation.cancel',
  'cooperation.report',
]
const providerSteps: readonly CooperationAction[] = [
  'cooperation.approve',
  'cooperation.decline',
  'cooperation.attendance',
]

/** A refusal with its reason, or null when allowed; `policy.ts` delegates cooperation here. */
export function cooperationRefusal(
  principal: Principal,
  granted: Granted,
  action: CooperationAction,
  resource: CooperationResource,
): Refusal | null {
  const part = cooperationPart(principal, granted, resource.partner, resource.provider)
  if (part === 'none' || (part === 'partner' && !partnerSteps.includes(action))) {
    return forbidden(
      providerSteps.includes(action)
        ? 'Only the provider of this activity or alliance staff may do this.'
        : 'Only the requesting partner or alliance staff may do this.',
    )
  }
  if (part === 'provider' && !providerSteps.includes(action)) {
    return forbidden('Only the requesting partner or alliance staff may do this.')
  }
  return stateRefusal(action, resource)
}

function stateRefusal(action: CooperationAction, resource: CooperationResource): Refusal | null {
  switch (resource.type) {
    case 'cooperation-event':
      return resource.phase === 'open'
        ? null
        : invalidState(`This event takes no requests: it is ${resource.phase}.`, resource.phase)
    case 'cooperation-request':
      return requestStateRefusal(action, resource)
    case 'cooperation-registration': {
      if (action === 'cooperation.cancel') {
        if (resource.status === 'cancelled')
          return invalidState('This registration is already cancelled.', 'cancelled')
        return resource.phase === 'running' || resource.phase === 'finished'
          ? invalidState('A registration cannot be cancelled once the event has started.', resource.status)
          : null
      }
      if (resource.status !== 'registered') {
        return invalidState(
          `Attendance is recorded for registered participants; this one is ${resource.status}.`,
          resource.status,
        )
      }
      return resource.phase === 'running' || resource.phase === 'finished'
        ? null
        : invalidState(
            `Attendance is recorded once the event has started; it is ${resource.phase}.`,
            resource.phase,
          )
    }
  }
}

function requestStateRefusal(
  action: CooperationAction,
  resource: Extract<CooperationResource, { type: 'cooperation-request' }>,
): Refusal | null {
  const { status } = resource
  switch (action) {
    case 'cooperation.approve':
    case 'cooperation.decline':
    case 'cooperation.withdraw': {
      const step =
        action === 'cooperation.approve'
          ? 'approve'
          : action === 'cooperation.decline'
            ? 'decline'
            : 'withdraw'
      return mayStepRequest(step, status)
        ? null
        : invalidState(`A ${status} request cannot take this step.`, status)
    }
    case 'cooperation.respond':
      return status === 'approved' &&
        resource.invitation !== null &&
        mayStepInvitation('accept', resource.invitation)
        ? null
        : invalidState('There is no open invitation to answer.', resource.invitation ?? status)
    case 'cooperation.register': {
      const refused = registrationRefusal({
        requestStatus: status,
        invitation: resource.invitation,
        phase: resource.phase,
      })
      return refused === null ? null : invalidState(refused, status)
    }
    case 'cooperation.report': {
      const refused = reportRefusal(status, resource.phase, resource.reported)
      return refused === null ? null : invalidState(refused, status)
    }
    default:
      return resource.phase === 'running' || resource.phase === 'finished'
        ? null
        : invalidState(
            `Attendance is recorded once the event has started; it is ${resource.phase}.`,
            resource.phase,
          )
  }
}
