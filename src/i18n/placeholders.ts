import {
  isArgumentElement,
  isDateElement,
  isNumberElement,
  isPluralElement,
  isSelectElement,
  isTagElement,
  isTimeElement,
  type MessageFormatElement,
  parse,
} from '@formatjs/icu-messageformat-parser'

/**
 * The arguments and tags one ICU message uses, each with its kind (`count:plural`, `b:tag`), so two
 * translations can be compared: a translation that drops or renames a placeholder, or formats it
 * differently, shows the reader a hole or a wrong value. Throws on a message that does not parse.
 */
export function placeholdersOf(message: string): string[] {
  const found = new Set<string>()
  const walk = (elements: readonly MessageFormatElement[]): void => {
    for (const element of elements) {
      if (isArgumentElement(element)) found.add(`${element.value}:argument`)
      else if (isNumberElement(element)) found.add(`${element.value}:number`)
      else if (isDateElement(element) || isTimeElement(element)) found.add(`${element.value}:date`)
      else if (isTagElement(element)) {
        found.add(`${element.value}:tag`)
        walk(element.children)
      } else if (isSelectElement(element) || isPluralElement(element)) {
        found.add(`${element.value}:${isPluralElement(element) ? 'plural' : 'select'}`)
        for (const option of Object.values(element.options)) walk(option.value)
      }
    }
  }
  walk(parse(message))
  return [...found].sort()
}
