import type { z } from 'zod'
import type { LiaisonOfficeDetail, LiaisonOfficeView } from '../../contract/liaison-office.ts'
import { highestMarking } from '../../domain/marking.ts'
import { allows } from '../../domain/policy.ts'
import type { Principal } from '../../domain/principal.ts'
import type { LiaisonOfficeRecord } from '../../store/liaison-office-store.ts'
import { presentMarking } from '../present.ts'

export function presentOffice(
  principal: Principal,
  record: LiaisonOfficeRecord,
): z.infer<typeof LiaisonOfficeView> {
  return {
    id: record.id,
    city: record.city,
    country: record.country,
    countryName: record.countryName,
    timeZone: record.timeZone,
    status: record.status,
    partners: [...record.partners],
    proposal: record.proposal === null ? null : { ...record.proposal },
    createdAt: record.createdAt,
    marking: presentMarking(record.marking),
    version: record.version,
    abilities: { edit: allows(principal, 'update', { type: 'liaison-office' }) },
  }
}

export function presentOfficeDetail(
  principal: Principal,
  record: LiaisonOfficeRecord,
): z.infer<typeof LiaisonOfficeDetail> {
  return {
    ...presentOffice(principal, record),
    pageMarking: presentMarking(highestMarking([record.marking, ...record.linkMarkings])),
  }
}
