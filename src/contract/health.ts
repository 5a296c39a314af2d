import { z } from 'zod'

export const Liveness = z
  .object({ status: z.literal('ok') })
  .meta({ id: 'Liveness', description: 'The process is alive and answering HTTP' })

export const Readiness = z
  .object({
    status: z.literal('ready'),
    engine: z.enum(['sqlite', 'postgres']),
    migrations: z.number().int().meta({ description: 'Migrations applied (all of those this build knows)' }),
  })
  .meta({ id: 'Readiness', description: 'The database answers and its schema is current' })
