// Configuration for the standard Prisma CLI (`prisma generate`, and `prisma migrate` for those
// whose machines can download its schema engine). Citewatch itself applies migrations with
// `npm run db:migrate`, which needs no engine.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/citewatch' },
});
