import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { create, type Font } from 'fontkit'

/**
 * The fonts PDFs embed, so text outside Windows-1252 (the partners' own names and places: 東京,
 * 서울, Łódź) prints as itself rather than junk from pdfkit's standard fonts.
 *
 * Noto Sans, Noto Sans JP and Noto Sans KR, from the npm packages @expo-google-fonts/noto-sans,
 * -noto-sans-jp and -noto-sans-kr. The fonts are licensed under the SIL Open Font License 1.1
 * (LICENSE_FONT in each package; the packages' own code is MIT), which allows embedding them in
 * documents. No single one covers everything: Noto Sans has Latin with Latin Extended but no CJK,
 * the JP and KR fonts lack Latin Extended-A (Ł, ź), and only KR has Hangul. So text is split into
 * runs, each in the first family that has glyphs for it. pdfkit embeds only the glyphs used.
 */
export type FontStyle = 'regular' | 'bold' | 'italic'

interface Family {
  readonly key: string
  readonly files: Readonly<Record<FontStyle, string>>
}

// In order of preference: Latin first (its Latin is the designed one), then Japanese (kana, and the
// Japanese forms of shared ideographs), then Korean (Hangul). The CJK fonts have no italic.
const families: readonly Family[] = [
  {
    key: 'latin',
    files: {
      regular: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
      bold: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
      italic: '@expo-google-fonts/noto-sans/400Regular_Italic/NotoSans_400Regular_Italic.ttf',
    },
  },
  {
    key: 'jp',
    files: {
      regular: '@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf',
      bold: '@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf',
      italic: '@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf',
    },
  },
  {
    key: 'kr',
    files: {
      regular: '@expo-google-fonts/noto-sans-kr/400Regular/NotoSansKR_400Regular.ttf',
      bold: '@expo-google-fonts/noto-sans-kr/700Bold/NotoSansKR_700Bold.ttf',
      italic: '@expo-google-fonts/noto-sans-kr/400Regular/NotoSansKR_400Regular.ttf',
    },
  },
]

const require = createRequire(import.meta.url)

// Read once per process: the CJK files are 5-6 MB each.
const bytes = new Map<string, Buffer>()
function fileBytes(file: string): Buffer {
  let data = bytes.get(file)
  if (data === undefined) {
    data = readFileSync(require.resolve(file))
    bytes.set(file, data)
  }
  return data
}

// One parsed font per family for coverage questions, and the answers per code point.
let coverage: readonly Font[] | null = null
const familyOf = new Map<number, number>()

function coverageFonts(): readonly Font[] {
  if (coverage === null) {
    coverage = families.map((family) => parsedFont(family.files.regular))
  }
  return coverage
}

function familyFor(codePoint: number, current: number): number {
  const fonts = coverageFonts()
  if (fonts[current]?.hasGlyphForCodePoint(codePoint) === true) return current
  let found = familyOf.get(codePoint)
  if (found === undefined) {
    found = fonts.findIndex((font) => font.hasGlyphForCodePoint(codePoint))
    familyOf.set(codePoint, found)
  }
  // Nobody has it: stay in the current run (it prints as the font's missing-glyph box).
  return found === -1 ? current : found
}

/** The registered pdfkit font name of one family and style. */
export function fontName(family: number, style: FontStyle): string {
  return `${families[family]?.key ?? 'latin'}-${style}`
}

// Parsed once per process and shared by every document: parsing the CJK files per document cost
// about 130 ms a PDF. pdfkit accepts a parsed fontkit font (it checks for a layout method) and makes
// its own subset per document, so sharing is safe; its types list only files and bytes, hence the cast.
const parsed = new Map<string, Font>()
function parsedFont(file: string): Font {
  let font = parsed.get(file)
  if (font === undefined) {
    font = create(fileBytes(file))
    parsed.set(file, font)
  }
  return font
}

/** Registers every family and style with a document. */
export function registerFonts(pdf: PDFKit.PDFDocument): void {
  for (const family of families) {
    for (const style of ['regular', 'bold', 'italic'] as const) {
      pdf.registerFont(`${family.key}-${style}`, parsedFont(family.files[style]) as unknown as Uint8Array)
    }
  }
}

/** Splits text into runs that one family covers each; an empty text is one empty Latin run. */
export function fontRuns(text: string): { family: number; text: string }[] {
  const runs: { family: number; text: string }[] = []
  let current = 0
  for (const char of text) {
    current = familyFor(char.codePointAt(0) ?? 0, current)
    const last = runs.at(-1)
    if (last !== undefined && last.family === current) {
      last.text += char
    } else {
      runs.push({ family: current, text: char })
    }
  }
  return runs.length === 0 ? [{ family: 0, text }] : runs
}
