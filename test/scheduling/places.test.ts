import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  type CountryPlace,
  cityCodes,
  liaisonOffices,
  resolvePlace,
} from '../../src/domain/scheduling/places.ts'

const demo = JSON.parse(readFileSync(new URL('../../data/demo.json', import.meta.url), 'utf8')) as {
  countries: { code: string; name: string; capital: string | null; timeZone: string }[]
}
const countries = new Map<string, CountryPlace>(demo.countries.map((c) => [c.code, c]))

describe('places', () => {
  it('keeps city codes apart from every country code of the dataset, so a code means one place', () => {
    expect(Object.keys(cityCodes).filter((code) => countries.has(code))).toEqual([])
  })

  it('resolves a zone, a country, a city code and an office', () => {
    expect(resolvePlace('Europe/Brussels', countries)).toMatchObject({
      kind: 'zone',
      zone: 'Europe/Brussels',
    })
    expect(resolvePlace('europe/brussels', countries)).toMatchObject({ zone: 'Europe/Brussels' })
    expect(resolvePlace('jpn', countries)).toMatchObject({ kind: 'country', ref: 'JPN', zone: 'Asia/Tokyo' })
    expect(resolvePlace('NZL', countries)).toMatchObject({
      name: 'New Zealand (Wellington)',
      zone: 'Pacific/Auckland',
    })
    expect(resolvePlace('CBR', countries)).toMatchObject({
      kind: 'city',
      name: 'Canberra',
      zone: 'Australia/Sydney',
    })
    expect(resolvePlace('office:tokyo', countries)).toMatchObject({ kind: 'office', zone: 'Asia/Tokyo' })
  })

  it('says what is wrong with a place it cannot resolve', () => {
    expect(resolvePlace('XYZ', countries)).toMatch(/neither a member or partner code nor a known city code/)
    expect(resolvePlace('JPN', new Map())).toMatch(/neither/)
    expect(resolvePlace('Mars/Olympus', countries)).toBe("'Mars/Olympus' is not an IANA time zone")
    expect(resolvePlace('+02:00', countries)).toMatch(/is not a place/)
    expect(resolvePlace('office:kyiv', countries)).toMatch(/no liaison office 'kyiv'/)
  })

  it('lists every office with a zone that exists', () => {
    for (const office of Object.values(liaisonOffices)) {
      expect(resolvePlace(office.zone, countries)).toMatchObject({ kind: 'zone' })
    }
  })
})
