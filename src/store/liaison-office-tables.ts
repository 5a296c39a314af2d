import type { MarkedColumns } from './database.ts'

/*
 * The liaison office tables, added to the shared Database interface by declaration merging, as the
 * proposal tables are (migration 2026-12-02T1410-liaison-offices).
 */
declare module './database.ts' {
  interface Database {
    liaison_office: LiaisonOfficeTable
    liaison_office_partner: LiaisonOfficePartnerTable
  }
}

export interface LiaisonOfficeTable extends MarkedColumns {
  id: string
  city: string
  country_code: string
  time_zone: string
  status: string
  version: number
  created_at: string
  updated_at: string
}

export interface LiaisonOfficePartnerTable {
  office_id: string
  partner_code: string
}
