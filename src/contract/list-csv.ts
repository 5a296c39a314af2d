import { z } from 'zod'
import { EngagementListQuery } from './engagement.ts'
import { StatementListQuery } from './engagement-statement.ts'
import { LiaisonOfficeListQuery } from './liaison-office.ts'
import { PartnerListQuery } from './partner.ts'
import { ProposalListQuery } from './proposal.ts'

/**
 * The queries of the CSV downloads of the list pages: each list's own filters without its paging
 * (a download holds every matching row), so the same filter selects the same rows.
 */
const withoutPaging = <T extends { limit: unknown; offset: unknown }>(
  shape: T,
): Omit<T, 'limit' | 'offset'> => {
  const { limit: _limit, offset: _offset, ...rest } = shape
  return rest
}

export const PartnerCsvQuery = z.object(withoutPaging(PartnerListQuery.shape)).strict()

export const EngagementCsvQuery = z
  .object(withoutPaging(EngagementListQuery.shape))
  .strict()
  .refine((query) => query.from === undefined || query.to === undefined || query.from <= query.to, {
    message: 'to must not be before from',
    path: ['to'],
  })

export const StatementCsvQuery = z.object(withoutPaging(StatementListQuery.shape)).strict()

export const ProposalCsvQuery = z.object(withoutPaging(ProposalListQuery.shape)).strict()

export const LiaisonOfficeCsvQuery = z.object(withoutPaging(LiaisonOfficeListQuery.shape)).strict()
