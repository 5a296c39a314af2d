import { describe, expect, it } from 'vitest'
import { writeCsv } from '../../src/server/csv.ts'

describe('the CSV writer', () => {
  it('keeps negative numbers as numbers and neutralises only text that starts a formula', () => {
    const out = writeCsv(
      ['a', 'b', 'c'],
      [
        [-3, '-3', '+1'],
        ['\tx', '\rY', 'a,"b"'],
      ],
      'PUBLIC',
    )
    expect(out).toBe('\uFEFFa,b,c,marking\r\n-3,\'-3,\'+1,PUBLIC\r\n\'\tx,"\'\rY","a,""b""",PUBLIC\r\n')
  })
})
