import { describe, expect, it } from 'vitest'
import { catalogues } from './catalogue.ts'
import { locales } from './locale.ts'
import { placeholdersOf } from './placeholders.ts'

const english = catalogues.en

/** Every bracket a message opens it also closes: "(agreed" + date + "; 3 parts)" is two fragments. */
function balanced(text: string): boolean {
  return (
    text.split('(').length === text.split(')').length && text.split('[').length === text.split(']').length
  )
}

describe('the message catalogue', () => {
  for (const locale of locales) {
    it(`${locale} has exactly the keys of English`, () => {
      const keys = Object.keys(catalogues[locale]).sort()
      expect(keys.filter((key) => !Object.hasOwn(english, key))).toEqual([])
      expect(Object.keys(english).filter((key) => !Object.hasOwn(catalogues[locale], key))).toEqual([])
    })

    it(`${locale} messages are valid ICU with the placeholders of English`, () => {
      const wrong: string[] = []
      for (const [key, source] of Object.entries(english)) {
        const message = (catalogues[locale] as Record<string, string>)[key] ?? ''
        try {
          const got = placeholdersOf(message).join(' ')
          const want = placeholdersOf(source).join(' ')
          if (got !== want) wrong.push(`${key}: {${got}} instead of {${want}}`)
          if (message.trim() === '') wrong.push(`${key}: empty`)
        } catch (error) {
          wrong.push(`${key}: ${error instanceof Error ? error.message : String(error)}`)
        }
      }
      expect(wrong).toEqual([])
    })
  }

  it('has whole messages with named placeholders: no bracket left open around a value, no {value0}', () => {
    // "Confirmed (" + count + ")" reads wrongly in French; a whole "Confirmed ({count})" does not.
    const fragments = Object.entries(english).filter(
      ([key, text]) =>
        !balanced(text) ||
        !balanced(catalogues.fr[key as keyof typeof english]) ||
        placeholdersOf(text).some((placeholder) => /^value\d+:/.test(placeholder)),
    )
    expect(fragments.map(([key]) => key)).toEqual([])
  })

  it('the French catalogue is translated, not copied', () => {
    // Codes, names and numbers read alike in both languages; prose that is identical is a key left untranslated.
    const same = Object.entries(english).filter(
      ([key, text]) =>
        /[a-z]{4,} [a-z]{4,}/i.test(text) && catalogues.fr[key as keyof typeof english] === text,
    )
    expect(same.map(([key]) => key)).toEqual([])
  })
})

describe('placeholdersOf', () => {
  it('names arguments with their kind, through plural and select branches and tags', () => {
    expect(
      placeholdersOf('{count, plural, one {# item of {name}} other {<b>#</b> items}} {day, date, long}'),
    ).toEqual(['b:tag', 'count:plural', 'day:date', 'name:argument'])
  })

  it('throws on a message that is not ICU', () => {
    expect(() => placeholdersOf('{count, plural, one {x}')).toThrow()
  })
})
