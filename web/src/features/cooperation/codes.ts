/** A comma-separated list typed in a form, as the API's list (codes upper-cased when asked). */
export function listFrom(text: string, upper = true): string[] {
  return text
    .split(',')
    .map((item) => (upper ? item.trim().toUpperCase() : item.trim().toLowerCase()))
    .filter((item) => item !== '')
}
