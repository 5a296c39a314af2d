import { describe, expect, it } from 'vitest'
import { fieldOfPath, readBoolean, recordFromCells, splitList } from './cells.ts'
import { describeProblem, ProblemLog } from './import-problem.ts'
import { percentDone, progressBar } from './progress.ts'

describe('import cells', () => {
  it('leaves empty cells out, splits lists and reads yes/no', () => {
    expect(
      recordFromCells(
        { title: ' Talks ', summary: '', areas: 'cyber-defence; space;', allDay: 'Yes' },
        { lists: ['areas'], booleans: ['allDay'] },
      ),
    ).toEqual({ title: 'Talks', areas: ['cyber-defence', 'space'], allDay: true })
  })

  it('builds the marking from its two columns and defaults a bare release to PUBLIC for the schema to judge', () => {
    expect(recordFromCells({ classification: 'RESTRICTED', releasableTo: 'JPN;KOR' }, {})).toEqual({
      marking: { classification: 'RESTRICTED', releasableTo: ['JPN', 'KOR'] },
    })
    expect(recordFromCells({ classification: '', releasableTo: '' }, {})).toEqual({})
  })

  it('passes an unreadable yes/no on unchanged', () => {
    expect(readBoolean('perhaps')).toBe('perhaps')
    expect(readBoolean('0')).toBe(false)
    expect(splitList(' ; ')).toEqual([])
  })

  it('names the column of an issue in CSV and the path in JSON', () => {
    expect(fieldOfPath(['marking', 'classification'], true)).toBe('classification')
    expect(fieldOfPath(['participants', 1, 'country'], true)).toBe('participants')
    expect(fieldOfPath(['participants', 1, 'country'], false)).toBe('participants.1.country')
  })
})

describe('import problems and progress', () => {
  it('keeps the first problems and counts them all', () => {
    const log = new ProblemLog(2)
    log.add([
      { row: 2, field: 'a', message: 'x' },
      { row: 3, field: 'b', message: 'y' },
      { row: 4, field: 'c', message: 'z' },
    ])
    expect(log.count).toBe(3)
    expect(log.kept.map((p) => p.row)).toEqual([2, 3])
    expect(describeProblem({ row: 0, field: '', message: 'Empty file' })).toBe('file: Empty file')
    expect(describeProblem({ row: 7, field: 'partner', message: 'Unknown' })).toBe('row 7, partner: Unknown')
  })

  it('draws a bar that ends at 100%', () => {
    expect(percentDone(0, 0)).toBe(100)
    expect(percentDone(50, 200)).toBe(25)
    expect(progressBar(10, 10, 4, 10)).toBe('[##########] 100% 4 rows')
    expect(progressBar(0, 10, 0, 4)).toBe('[----]   0% 0 rows')
  })
})
