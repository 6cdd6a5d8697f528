/**
 * Renders client/openapi.d.ts, the TypeScript types of the whole REST API, from the OpenAPI
 * document the API serves at /openapi.json (generated from the routes' zod schemas). Used by
 * `npm run client:generate` and by test/integration/client-types.test.ts, which fails when the
 * checked-in file and the live document differ.
 *
 * openapi-typescript 6: version 7 builds its output with the TypeScript 5 compiler API (a peer
 * dependency), which Citewatch's TypeScript 7 does not provide; version 6 writes the same kind of
 * types (`paths`, `components`, `operations`) as text and needs no compiler.
 */
import openapiTS, { type OpenAPI3 } from 'openapi-typescript';

export const CLIENT_TYPES_FILE = 'client/openapi.d.ts';

const HEADER = `/**
 * The Citewatch REST API's types, generated from its OpenAPI document by openapi-typescript.
 * Do not edit: run \`npm run client:generate\`. test/integration/client-types.test.ts fails when
 * this file and the API's document differ.
 */

`;

export async function renderClientTypes(document: unknown): Promise<string> {
  const text = await openapiTS(document as OpenAPI3, {
    commentHeader: HEADER,
    // A field with a default may be left out of a request; answers list what they always carry as required.
    defaultNonNullable: false,
    alphabetize: true,
    silent: true,
  });
  return text.endsWith('\n') ? text : `${text}\n`;
}
