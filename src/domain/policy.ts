import { type CooperationAction, type CooperationResource, cooperationRefusal } from './cooperation/access.ts'
import { DomainError, type Refusal, refuse } from './errors.ts'
import type { Principal, PrincipalKind } from './principal.ts'
import type { ProgrammeStatus } from './programme.ts'
import { type Actor, editableStatuses, trackingStatuses } from './programme-lifecycle.ts'
import type { ProposalProcedure } from './proposal.ts'
import { mayTake, type ProposalStatus } from './proposal-lifecycle.ts'

/**
 * Who may do what, as data: roles grant permissions, and every check asks for a permission, never
 * for a principal's kind. Visibility is decided before (hidden is 404); `authorize` only answers
 * "may they do this to what they can see". Single sign-on will bring the roles from claims.
 */
export const permissions = [
  /** Author any programme: header, tree, milestones, every lifecycle step. */
  'programme.author-any',
  /** Author the programme of one's own country (co-ownership), and record its approval. */
  'programme.author-own',
  /** Record the council's agreement to a negotiated programme. */
  'programme.record-council',
  /** Record, change and delete engagements and statements. */
  'engagement.write',
  /** Associate any partner with a statement. */
  'statement.associate-any',
  /** Associate one's own country with a statement. */
  'statement.associate-own',
  /** Give a record any marking one can read: lower it, release it to any partner. */
  'marking.set-any',
  /** Draft, open and withdraw alliance proposals. */
  'proposal.author',
  /** Record the position of one's own member state on a proposal. */
  'proposal.position-own',
  /** Record any member's position on its behalf (shown as such). */
  'proposal.position-any',
  /** See members' positions on proposals (alliance only: partners never see them). */
  'proposal.see-positions',
  /** Create, change, disable, unlock accounts and reset their passwords (within `account-grant.ts`). */
  'user.manage',
  /** Record and change liaison offices (their opening follows their proposal's adoption). */
  'liaison-office.write',
  /** Read and export the audit trail (with the clearance rule of src/domain/audit-policy.ts). */
  'audit.read',
  /** Import partners, events, engagements and programme trees from files (all or nothing). */
  'registry.import',
  /** Record and correct the registry: partners, their relationship events, frameworks, memberships. */
  'registry.write',
  /** Keep the cooperation menu (items, events), see every request and act as any provider. */
  'cooperation.manage',
  /** Approve requests for, and record attendance at, the activities one's own member provides. */
  'cooperation.provide-own',
  /** Request activities for one's own country, register its participants, file its reports. */
  'cooperation.request-own',
] as const
export type Permission = (typeof permissions)[number]

/** The role → permissions table. A role not listed grants nothing. */
export const rolePermissions: Readonly<Record<string, readonly Permission[]>> = {
  'desk-officer': [
    'programme.author-any',
    'programme.record-council',
    'engagement.write',
    'statement.associate-any',
    'marking.set-any',
    'proposal.author',
    'proposal.position-any',
    'proposal.see-positions',
    'liaison-office.write',
    'registry.import',
    'registry.write',
    'cooperation.manage',
  ],
  // Not proposal.see-positions: a partner's own administrator must never see members' positions.
  administrator: ['user.manage', 'audit.read'],
  delegation: ['proposal.position-own', 'proposal.see-positions', 'cooperation.provide-own'],
  'partner-mission': ['programme.author-own', 'statement.associate-own', 'cooperation.request-own'],
}

/** The role a user has when none is stored, so that accounts made before roles keep working. */
const defaultRoles: Readonly<Record<PrincipalKind, readonly string[]>> = {
  staff: ['desk-officer'],
  ally: ['delegation'],
  partner: ['partner-mission'],
  public: [],
}

/** The permissions the principal's roles grant (the defaults of its kind when it has no role). */
// Principals are immutable and a list page asks once per row and action, so each principal's set
// is derived once (a session's principal is reused across its requests).
const grantedByPrincipal = new WeakMap<Principal, ReadonlySet<Permission>>()

export function permissionsOf(principal: Principal): ReadonlySet<Permission> {
  const known = grantedByPrincipal.get(principal)
  if (known !== undefined) return known
  const roles = principal.roles.size > 0 ? [...principal.roles] : defaultRoles[principal.kind]
  const granted: ReadonlySet<Permission> = new Set(roles.flatMap((role) => rolePermissions[role] ?? []))
  grantedByPrincipal.set(principal, granted)
  return granted
}

export function hasPermission(principal: Principal, permission: Permission): boolean {
  return permissionsOf(principal).has(permission)
}

/** What an action is done to: the facts the rule needs, nothing more. */
export type Resource =
  | {
      readonly type: 'programme'
      readonly partnerCode: string
      readonly status: ProgrammeStatus
      /** A party's approval of the text is recorded in this negotiation round. */
      readonly textApproved: boolean
    }
  | { readonly type: 'engagement' }
  | { readonly type: 'statement' }
  | { readonly type: 'statement-association'; readonly country: string }
  | { readonly type: 'proposal'; readonly status: ProposalStatus; readonly procedure: ProposalProcedure }
  | {
      readonly type: 'proposal-position'
      readonly member: string
      readonly status: ProposalStatus
      readonly procedure: ProposalProcedure
    }
  | { readonly type: 'account' }
  | { readonly type: 'liaison-office' }
  | { readonly type: 'registry' }
  /** The cooperation menu's items and events (kept by staff). */
  | { readonly type: 'cooperation-catalogue' }
  | CooperationResource

export type Action =
  | 'programme.create'
  | 'programme.edit'
  | 'programme.track'
  | 'programme.approve-council'
  | 'programme.approve-partner'
  | 'create'
  | 'update'
  | 'delete'
  | 'associate'
  | 'proposal.create'
  | 'proposal.open'
  | 'proposal.withdraw'
  | 'proposal.position'
  | 'proposal.edit'
  | 'proposal.break-silence'
  | 'import'
  | CooperationAction

/** The part a principal plays in a programme, for the lifecycle's state machine. */
export function programmeActor(principal: Principal, partnerCode: string): Actor {
  const granted = permissionsOf(principal)
  if (granted.has('programme.author-any')) return 'staff'
  if (granted.has('programme.author-own') && principal.country === partnerCode) return 'owner'
  return 'reader'
}

/** A refusal with its reason, or null when allowed. Pure, so abilities and checks share it. */
function refusal(principal: Principal, action: Action, resource: Resource): Refusal | null {
  const granted = permissionsOf(principal)
  switch (resource.type) {
    case 'programme': {
      const actor = programmeActor(principal, resource.partnerCode)
      if (action === 'programme.approve-council') {
        if (!granted.has('programme.record-council')) {
          return refuse('forbidden', 'Only alliance staff record the council’s agreement.')
        }
      } else if (actor === 'reader') {
        return refuse(
          'forbidden',
          readerRefusal[action] ??
            'Only alliance staff and the partner’s own users may change this programme.',
        )
      }
      if (action === 'programme.edit' && !editableStatuses.includes(resource.status)) {
        return refuse(
          'invalid-state',
          `The text of a programme that is ${resource.status} is frozen; it can change only in draft or in negotiation.`,
          { currentStatus: resource.status },
        )
      }
      if (action === 'programme.edit' && resource.status === 'in-negotiation' && resource.textApproved) {
        // An approval is of a text: a change after it would be agreed by nobody (finding 5 of issue 7).
        return refuse(
          'invalid-state',
          'This text has been approved in this negotiation round, so it can no longer change. To amend it, return the programme to draft; opening negotiation again starts a new round in which the council and the partner approve the amended text.',
          { currentStatus: resource.status },
        )
      }
      if (action === 'programme.track' && !trackingStatuses.includes(resource.status)) {
        return refuse('invalid-state', `Milestones of a ${resource.status} programme are closed.`, {
          currentStatus: resource.status,
        })
      }
      if (
        (action === 'programme.approve-council' || action === 'programme.approve-partner') &&
        resource.status !== 'in-negotiation'
      ) {
        return refuse(
          'invalid-state',
          `Approvals are recorded while the programme is in negotiation; it is ${resource.status}.`,
          { currentStatus: resource.status },
        )
      }
      return null
    }
    case 'engagement':
    case 'statement':
      return granted.has('engagement.write')
        ? null
        : refuse('forbidden', `Only alliance staff may change ${resource.type}s.`)
    case 'statement-association':
      return granted.has('statement.associate-any') ||
        (granted.has('statement.associate-own') && principal.country === resource.country)
        ? null
        : refuse('forbidden', 'A partner mission may associate only its own country.')
    case 'proposal':
      return proposalRefusal(granted, action, resource)
    case 'proposal-position':
      return action === 'proposal.break-silence'
        ? breakSilenceRefusal(principal, granted, resource)
        : positionRefusal(principal, granted, resource)
    case 'liaison-office':
      return granted.has('liaison-office.write')
        ? null
        : refuse('forbidden', 'Only alliance staff record and change liaison offices.')
    case 'registry':
      if (action === 'import') {
        return granted.has('registry.import')
          ? null
          : refuse('forbidden', 'Only alliance staff import records from files.')
      }
      return granted.has('registry.write')
        ? null
        : refuse(
            'forbidden',
            'Only alliance staff record and correct partners, their history, frameworks and memberships.',
          )
    case 'cooperation-catalogue':
      return granted.has('cooperation.manage')
        ? null
        : refuse('forbidden', 'Only alliance staff keep the cooperation menu.')
    case 'cooperation-event':
    case 'cooperation-request':
    case 'cooperation-registration':
      return isCooperationAction(action)
        ? cooperationRefusal(principal, granted, action, resource)
        : refuse('forbidden', 'This step does not apply to the cooperation menu.')
    case 'account':
      return granted.has('user.manage')
        ? null
        : refuse('forbidden', 'Only an administrator may see and manage accounts.')
  }
}

function isCooperationAction(action: Action): action is CooperationAction {
  return action.startsWith('cooperation.')
}

function proposalRefusal(
  granted: ReadonlySet<Permission>,
  action: Action,
  resource: Extract<Resource, { type: 'proposal' }>,
): Refusal | null {
  if (!granted.has('proposal.author')) {
    return refuse('forbidden', 'Only alliance staff draft, open and withdraw proposals.')
  }
  if (action === 'proposal.edit' && resource.status !== 'draft') {
    return refuse('invalid-state', `Only a draft proposal can be edited; this one is ${resource.status}.`, {
      currentStatus: resource.status,
    })
  }
  const step = action === 'proposal.open' ? 'open' : action === 'proposal.withdraw' ? 'withdraw' : null
  if (step !== null && !mayTake(step, resource.status)) {
    return refuse(
      'invalid-state',
      `A ${resource.status} proposal cannot be ${step === 'open' ? 'opened' : 'withdrawn'}.`,
      {
        currentStatus: resource.status,
      },
    )
  }
  return null
}

function positionRefusal(
  principal: Principal,
  granted: ReadonlySet<Permission>,
  resource: Extract<Resource, { type: 'proposal-position' }>,
): Refusal | null {
  const own = granted.has('proposal.position-own') && principal.country === resource.member
  if (!granted.has('proposal.position-any') && !own) {
    return refuse(
      'forbidden',
      'A delegation records only its own member’s position; staff may record any on its behalf.',
    )
  }
  if (resource.procedure !== 'consensus') {
    return refuse(
      'invalid-state',
      'Under the silence procedure members do not state positions; break the silence to discuss it.',
      {
        currentStatus: resource.status,
      },
    )
  }
  if (resource.status !== 'open' && resource.status !== 'blocked') {
    return refuse(
      'invalid-state',
      `Positions are recorded while a proposal is open or blocked; it is ${resource.status}.`,
      {
        currentStatus: resource.status,
      },
    )
  }
  return null
}

/** Silence is broken by a member (its own delegation, or staff on its behalf) while it runs. */
function breakSilenceRefusal(
  principal: Principal,
  granted: ReadonlySet<Permission>,
  resource: Extract<Resource, { type: 'proposal-position' }>,
): Refusal | null {
  const own = granted.has('proposal.position-own') && principal.country === resource.member
  if (!granted.has('proposal.position-any') && !own) {
    return refuse(
      'forbidden',
      'A delegation breaks silence only for its own member; staff may do so on a member’s behalf.',
    )
  }
  if (resource.procedure !== 'silence' || resource.status !== 'open') {
    return refuse(
      'invalid-state',
      `Silence can be broken only while a silence procedure runs; this proposal is ${resource.status} under ${resource.procedure}.`,
      { currentStatus: resource.status },
    )
  }
  return null
}

const readerRefusal: Partial<Record<Action, string>> = {
  'programme.create': 'Only alliance staff and the partner’s own users start its programmes.',
  'programme.edit': 'Only alliance staff and the partner’s own users may edit this programme.',
  'programme.track': 'Only alliance staff and the partner’s own users may update milestones.',
  'programme.approve-partner':
    'Only the partner’s own users or alliance staff record the partner’s approval.',
}

/** True when `authorize` would let the principal act; for the `abilities` of every view. */
export function allows(principal: Principal, action: Action, resource: Resource): boolean {
  return refusal(principal, action, resource) === null
}

/**
 * The one check before every change: signed out → 401; visible but not allowed → 403; allowed
 * but not in this state → 409 invalid-state with the reason.
 */
export function authorize(principal: Principal, action: Action, resource: Resource): void {
  const refused = refusal(principal, action, resource)
  if (refused === null) return
  if (principal.userId === null && refused.code === 'forbidden') {
    throw new DomainError('unauthenticated', 'Sign in to make changes.')
  }
  throw new DomainError(refused.code, refused.message, refused.details)
}

/** Whether an action applies to any partner, only to the principal's own country, or to none. */
export type Reach = 'any' | 'own' | 'none'

function reach(principal: Principal, any: Permission, own: Permission): Reach {
  const granted = permissionsOf(principal)
  if (granted.has(any)) return 'any'
  return granted.has(own) && principal.country !== null ? 'own' : 'none'
}

/** What the session's principal may start, for the web app's buttons (records carry their own). */
export function sessionAbilities(principal: Principal): {
  createEngagements: boolean
  startProgramme: Reach
  associate: Reach
  createProposals: boolean
  createLiaisonOffices: boolean
  importRecords: boolean
  editRegistry: boolean
  manageCooperation: boolean
  requestCooperation: boolean
} {
  return {
    createEngagements: allows(principal, 'create', { type: 'engagement' }),
    createProposals: allows(principal, 'proposal.create', {
      type: 'proposal',
      status: 'draft',
      procedure: 'consensus',
    }),
    createLiaisonOffices: allows(principal, 'create', { type: 'liaison-office' }),
    importRecords: allows(principal, 'import', { type: 'registry' }),
    editRegistry: allows(principal, 'create', { type: 'registry' }),
    manageCooperation: allows(principal, 'create', { type: 'cooperation-catalogue' }),
    requestCooperation:
      permissionsOf(principal).has('cooperation.manage') ||
      (permissionsOf(principal).has('cooperation.request-own') && principal.country !== null),
    startProgramme: reach(principal, 'programme.author-any', 'programme.author-own'),
    associate: reach(principal, 'statement.associate-any', 'statement.associate-own'),
  }
}
