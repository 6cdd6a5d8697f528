import type { FastifyInstance } from 'fastify';
import { registerCrud } from '../crud.routes.js';
import { brandCreate, brandDto, brandUpdate } from './brands.schemas.js';
import * as service from './brands.service.js';

export async function brandsRoutes(app: FastifyInstance, deps: service.BrandsDeps): Promise<void> {
  registerCrud(app, {
    resource: 'brands',
    idParam: 'brandId',
    tag: 'Brands',
    noun: 'brand',
    create: brandCreate,
    update: brandUpdate,
    dto: brandDto,
    handlers: {
      create: (org, ws, body) => service.createBrand(deps, org, ws, body),
      list: (org, ws, q) => service.listBrands(deps, org, ws, q),
      get: (org, ws, id) => service.getBrand(deps, org, ws, id),
      update: (org, ws, id, body) => service.updateBrand(deps, org, ws, id, body),
      remove: (org, ws, id) => service.deleteBrand(deps, org, ws, id),
    },
  });
}
