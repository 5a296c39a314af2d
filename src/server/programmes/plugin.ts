import type { FastifyInstance } from 'fastify'
import type { Db } from '../../store/database.ts'
import type { Clock } from '../clock.ts'
import { documentRoutes } from '../documents/routes.ts'
import { programmeLifecycleRoutes } from './lifecycle-routes.ts'
import { programmeMilestoneRoutes } from './milestone-routes.ts'
import { programmeRoutes } from './routes.ts'
import { programmeWriteRoutes } from './write-routes.ts'

/** Everything under /api/v1/programmes, registered as one feature. */
export async function programmePlugin(app: FastifyInstance, options: { db: Db; clock: Clock }) {
  await programmeRoutes(app, options)
  await programmeWriteRoutes(app, options)
  await programmeMilestoneRoutes(app, options)
  await programmeLifecycleRoutes(app, options)
  await documentRoutes(app, options)
}
