import { inflateRawSync, inflateSync } from 'node:zlib'

/**
 * The text of every entry of a ZIP file (a DOCX), read through its central directory, so that the
 * leak guard can search a Word document for hidden strings. Only stored and deflated entries.
 */
export function zipText(bytes: Buffer): string {
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  if (end < 0) {
    throw new Error('not a ZIP file: no end of central directory')
  }
  const entries = bytes.readUInt16LE(end + 10)
  let at = bytes.readUInt32LE(end + 16)
  const parts: string[] = []
  for (let index = 0; index < entries; index += 1) {
    const method = bytes.readUInt16LE(at + 10)
    const compressedSize = bytes.readUInt32LE(at + 20)
    const nameLength = bytes.readUInt16LE(at + 28)
    const extraLength = bytes.readUInt16LE(at + 30)
    const commentLength = bytes.readUInt16LE(at + 32)
    const local = bytes.readUInt32LE(at + 42)
    const dataStart = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28)
    const data = bytes.subarray(dataStart, dataStart + compressedSize)
    parts.push((method === 8 ? inflateRawSync(data) : data).toString('utf8'))
    at += 46 + nameLength + extraLength + commentLength
  }
  return parts.join('\n')
}

/** The PDF's bytes with every Flate stream inflated, as Latin-1 text to search. */
export function pdfText(bytes: Buffer): string {
  const raw = bytes.toString('latin1')
  const parts = [raw]
  let from = 0
  for (;;) {
    const start = raw.indexOf('stream', from)
    if (start < 0) {
      break
    }
    const bodyStart = raw[start + 6] === '\r' ? start + 8 : start + 7
    const stop = raw.indexOf('endstream', bodyStart)
    if (stop < 0) {
      break
    }
    try {
      parts.push(inflateSync(bytes.subarray(bodyStart, stop)).toString('latin1'))
    } catch {
      // Not a Flate stream (an image or a font program): nothing to search.
    }
    from = stop + 9
  }
  return parts.join('\n')
}
