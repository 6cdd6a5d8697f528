import type { FastifyInstance } from 'fastify';
import { registerCrud } from '../crud.routes.js';
import { changeEventCreate, changeEventDto, changeEventUpdate } from './events.schemas.js';
import * as service from './events.service.js';

export async function eventsRoutes(app: FastifyInstance, deps: service.EventsDeps): Promise<void> {
  registerCrud(app, {
    resource: 'events',
    idParam: 'eventId',
    tag: 'Events',
    noun: 'change event',
    create: changeEventCreate,
    update: changeEventUpdate,
    dto: changeEventDto,
    handlers: {
      create: (org, ws, body) => service.createEvent(deps, org, ws, body),
      list: (org, ws, q) => service.listEvents(deps, org, ws, q),
      get: (org, ws, id) => service.getEvent(deps, org, ws, id),
      update: (org, ws, id, body) => service.updateEvent(deps, org, ws, id, body),
      remove: (org, ws, id) => service.deleteEvent(deps, org, ws, id),
    },
  });
}
