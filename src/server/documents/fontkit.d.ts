/** The part of fontkit (pdfkit's font engine, which ships no types) that Liaison uses. */
declare module 'fontkit' {
  export interface Font {
    hasGlyphForCodePoint(codePoint: number): boolean
  }
  export function create(buffer: Uint8Array): Font
}
