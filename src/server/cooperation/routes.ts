import type { FastifyInstance } from 'fastify'
import type { Db } from '../../store/database.ts'
import type { Clock } from '../clock.ts'
import { cooperationCatalogueRoutes } from './catalogue-routes.ts'
import { cooperationRegistrationRoutes } from './registration-routes.ts'
import { cooperationRequestRoutes } from './request-routes.ts'

/** The cooperation menu (issue 13; docs/cooperation.md), as one plugin of three route files. */
export async function cooperationRoutes(app: FastifyInstance, options: { db: Db; clock: Clock }) {
  await cooperationCatalogueRoutes(app, options)
  await cooperationRequestRoutes(app, options)
  await cooperationRegistrationRoutes(app, options)
}
