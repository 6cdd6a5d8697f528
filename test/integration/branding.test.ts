/**
 * White label per organization: reading and setting the display name, colours and sender name
 * (owners and admins only, one's own organization only), the logo upload (PNG and JPEG, decoded
 * and re-encoded) against hostile files, the audit log of every write, loadBranding's defaults,
 * and the invitation email carrying the sender name and colours through a real SMTP server.
 */
import { crc32 } from 'node:zlib';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBranding } from '../../src/modules/branding/branding.service.js';
import { createTenant, keyFor, type TestTenant } from '../factories/index.js';
import { createPerson } from '../factories/people.js';
import { createTestContext, type TestContext, waitFor } from '../helpers/context.js';
import { openApiDoc } from '../helpers/full-tenant.js';
import { schemaChecker } from '../helpers/openapi-check.js';
import { type SmtpCatcher, startSmtp } from '../helpers/smtp.js';

let ctx: TestContext;
let smtp: SmtpCatcher;
let check: ReturnType<typeof schemaChecker>;
let org: TestTenant;
let base: string;

beforeAll(async () => {
  smtp = await startSmtp();
  ctx = await createTestContext({ SMTP_URL: smtp.url, PUBLIC_BASE_URL: 'https://citewatch.agency.example' });
  check = schemaChecker(await openApiDoc(ctx.app));
  org = await createTenant(ctx.db);
  base = `/v1/organizations/${org.organizationId}/branding`;
});
afterAll(async () => {
  await ctx.close();
  await smtp.close();
});

function pngOf(width: number, height: number): Buffer {
  const png = new PNG({ width, height });
  for (let i = 0; i < png.data.length; i += 4) {
    png.data[i] = 11;
    png.data[i + 1] = 61;
    png.data[i + 2] = 145;
    png.data[i + 3] = 255;
  }
  return PNG.sync.write(png);
}

/** The PNG with a tEXt chunk inserted before IEND. */
function withTextChunk(png: Buffer, text: string): Buffer {
  const data = Buffer.from(`Comment\0${text}`, 'latin1');
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  chunk.write('tEXt', 4, 'latin1');
  data.copy(chunk, 8);
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + data.length)), 8 + data.length);
  const iend = png.length - 12;
  return Buffer.concat([png.subarray(0, iend), chunk, png.subarray(iend)]);
}

function jpegOf(width: number, height: number): Buffer {
  const data = Buffer.alloc(width * height * 4, 200);
  return Buffer.from(jpeg.encode({ data, width, height }, 80).data);
}

const upload = (body: Buffer | string, contentType: string, headers = org.headers) =>
  ctx.app.inject({
    method: 'PUT',
    url: `${base}/logo`,
    headers: { ...headers, 'content-type': contentType },
    payload: body,
  });

function expectProblem(res: { statusCode: number; headers: Record<string, unknown>; json(): unknown }, status: number) {
  expect(res.statusCode).toBe(status);
  expect(String(res.headers['content-type'])).toContain('application/problem+json');
  return res.json() as { code: string; detail: string; errors?: Array<{ path: string; message: string }> };
}

describe('branding settings', () => {
  it('starts empty, and loadBranding falls back to the organization name and default colours', async () => {
    const res = await ctx.app.inject({ url: base, headers: org.headers });
    expect(res.statusCode).toBe(200);
    expect(
      check.response('/v1/organizations/{organizationId}/branding', 'GET', 200, 'application/json', res.json()),
    ).toEqual([]);
    expect(res.json()).toEqual({
      organizationId: org.organizationId,
      displayName: null,
      primaryColor: null,
      accentColor: null,
      emailSenderName: null,
      logo: null,
    });
    const name = (await ctx.db.prisma.organization.findUniqueOrThrow({ where: { id: org.organizationId } })).name;
    const loaded = await loadBranding(ctx.db, org.organizationId);
    expect(loaded).toMatchObject({
      custom: false,
      displayName: name,
      primaryColor: '#1d4ed8',
      accentColor: '#0f766e',
      logo: null,
    });
  });

  it('sets and clears fields, colours in lower case, and records each write in the audit log', async () => {
    const res = await ctx.app.inject({
      method: 'PATCH',
      url: base,
      headers: org.headers,
      payload: { displayName: 'Northwind Agency', primaryColor: '#0B3D91', accentColor: '#f97316' },
    });
    expect(res.statusCode).toBe(200);
    expect(
      check.response('/v1/organizations/{organizationId}/branding', 'PATCH', 200, 'application/json', res.json()),
    ).toEqual([]);
    expect(res.json()).toMatchObject({
      displayName: 'Northwind Agency',
      primaryColor: '#0b3d91',
      accentColor: '#f97316',
    });
    const cleared = await ctx.app.inject({
      method: 'PATCH',
      url: base,
      headers: org.headers,
      payload: { accentColor: null, emailSenderName: 'Northwind Reports' },
    });
    expect(cleared.json()).toMatchObject({
      primaryColor: '#0b3d91',
      accentColor: null,
      emailSenderName: 'Northwind Reports',
    });
    expect(await loadBranding(ctx.db, org.organizationId)).toMatchObject({
      displayName: 'Northwind Agency',
      primaryColor: '#0b3d91',
      accentColor: '#0f766e',
      emailSenderName: 'Northwind Reports',
    });
    await waitFor(async () => {
      const events = await ctx.db.prisma.auditEvent.findMany({
        where: { organizationId: org.organizationId, action: 'branding.update' },
      });
      return events.length === 2 ? events : null;
    }, 'two branding.update events');
  });

  it('refuses bad values with the field named', async () => {
    for (const [payload, path] of [
      [{ primaryColor: 'blue' }, 'primaryColor'],
      [{ accentColor: '#12345' }, 'accentColor'],
      [{ displayName: '' }, 'displayName'],
      [{ emailSenderName: 'x'.repeat(101) }, 'emailSenderName'],
      [{ logo: 'x' }, ''],
      [{}, ''],
    ] as const) {
      const body = expectProblem(
        await ctx.app.inject({ method: 'PATCH', url: base, headers: org.headers, payload }),
        400,
      );
      expect(body.code).toBe('validation_failed');
      if (path) expect(JSON.stringify(body.errors)).toContain(path);
    }
  });

  it('is for owners and admins of the organization only', async () => {
    const editor = await createPerson(ctx.app, ctx.db, { organizationId: org.organizationId, role: 'editor' });
    const admin = await createPerson(ctx.app, ctx.db, { organizationId: org.organizationId, role: 'admin' });
    const reader = await keyFor(ctx.db, org.organizationId, ['read']);
    expect((await ctx.app.inject({ url: base, headers: editor.headers })).statusCode).toBe(403);
    expect((await ctx.app.inject({ url: base, headers: reader.headers })).statusCode).toBe(403);
    const patch = await ctx.app.inject({
      method: 'PATCH',
      url: base,
      headers: editor.writeHeaders,
      payload: { displayName: 'Mine' },
    });
    expect(patch.statusCode).toBe(403);
    expect((await ctx.app.inject({ url: base, headers: admin.headers })).statusCode).toBe(200);
    const other = await createTenant(ctx.db);
    expectProblem(await ctx.app.inject({ url: base, headers: other.headers }), 404);
    expectProblem(
      await ctx.app.inject({ method: 'PATCH', url: base, headers: other.headers, payload: { displayName: 'Hijack' } }),
      404,
    );
    expectProblem(await upload(pngOf(4, 4), 'image/png', other.headers), 404);
    expect((await ctx.app.inject({ url: base, headers: {} })).statusCode).toBe(401);
  });
});

describe('logo', () => {
  it('takes a PNG, stores it re-encoded, serves it, and removes it', async () => {
    // Metadata is not kept: the stored image is encoded anew from the pixels.
    const sent = withTextChunk(pngOf(24, 8), '<script>alert(1)</script>');
    const res = await upload(sent, 'image/png');
    expect(res.statusCode, res.body).toBe(200);
    expect(
      check.response('/v1/organizations/{organizationId}/branding/logo', 'PUT', 200, 'application/json', res.json()),
    ).toEqual([]);
    expect(res.json().logo).toMatchObject({ contentType: 'image/png', width: 24, height: 8 });
    const got = await ctx.app.inject({ url: `${base}/logo`, headers: org.headers });
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/png');
    expect(got.rawPayload.includes(Buffer.from('<script>'))).toBe(false);
    const decoded = PNG.sync.read(got.rawPayload);
    expect([decoded.width, decoded.height]).toEqual([24, 8]);
    expect([...decoded.data.subarray(0, 4)]).toEqual([11, 61, 145, 255]);
    expect(got.rawPayload.length).toBe(res.json().logo.bytes);
    const loaded = await loadBranding(ctx.db, org.organizationId);
    expect(loaded.logoType).toBe('image/png');
    expect(loaded.logo?.equals(got.rawPayload)).toBe(true);

    // Any member reads it; another organization does not.
    const viewer = await createPerson(ctx.app, ctx.db, { organizationId: org.organizationId, role: 'viewer' });
    expect((await ctx.app.inject({ url: `${base}/logo`, headers: viewer.headers })).statusCode).toBe(200);
    const other = await createTenant(ctx.db);
    expectProblem(await ctx.app.inject({ url: `${base}/logo`, headers: other.headers }), 404);

    const del = await ctx.app.inject({ method: 'DELETE', url: `${base}/logo`, headers: org.headers });
    expect(del.statusCode).toBe(204);
    expectProblem(await ctx.app.inject({ url: `${base}/logo`, headers: org.headers }), 404);
    expect((await ctx.app.inject({ url: base, headers: org.headers })).json().logo).toBeNull();
    await waitFor(async () => {
      const actions = (
        await ctx.db.prisma.auditEvent.findMany({
          where: { organizationId: org.organizationId },
          select: { action: true },
        })
      ).map((e) => e.action);
      return actions.includes('branding.logo_set') && actions.includes('branding.logo_delete') ? actions : null;
    }, 'the logo writes in the audit log');
  });

  it('takes a JPEG and re-encodes it', async () => {
    const res = await upload(jpegOf(40, 30), 'image/jpeg');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().logo).toMatchObject({ contentType: 'image/jpeg', width: 40, height: 30 });
    const got = await ctx.app.inject({ url: `${base}/logo`, headers: org.headers });
    expect(got.headers['content-type']).toBe('image/jpeg');
    expect(jpeg.decode(got.rawPayload).width).toBe(40);
  });

  it('refuses another type with 415', async () => {
    const gif = Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');
    expect(expectProblem(await upload(gif, 'image/gif'), 415).code).toBe('unsupported_media_type');
    expectProblem(await upload('<svg xmlns="http://www.w3.org/2000/svg"/>', 'image/svg+xml'), 415);
    expectProblem(
      await ctx.app.inject({
        method: 'PUT',
        url: `${base}/logo`,
        headers: org.headers,
        payload: { logo: 'iVBORw0KGgo=' },
      }),
      415,
    );
  });

  it('refuses a file that is not the type it claims, trailing bytes, and garbage', async () => {
    expectProblem(await upload(Buffer.concat([pngOf(4, 4), Buffer.from('<html>')]), 'image/png'), 400);
    const png = expectProblem(await upload(pngOf(8, 8), 'image/jpeg'), 400);
    expect(png.detail).toContain('PNG');
    expect(png.errors?.[0]?.path).toBe('body');
    expectProblem(await upload(jpegOf(8, 8), 'image/png'), 400);
    expectProblem(await upload(Buffer.from('GIF89a not a png at all'), 'image/png'), 400);
    expectProblem(await upload(Buffer.alloc(0), 'image/png'), 400);
  });

  it('refuses truncated images', async () => {
    const png = pngOf(64, 64);
    for (const cut of [12, 30, png.length - 20]) {
      expectProblem(await upload(png.subarray(0, cut), 'image/png'), 400);
    }
    const jpg = jpegOf(64, 64);
    for (const cut of [4, 40, Math.floor(jpg.length / 2)]) {
      expectProblem(await upload(jpg.subarray(0, cut), 'image/jpeg'), 400);
    }
  });

  it('refuses oversized dimensions, and a small file declaring a huge image, before decoding it', async () => {
    const wide = expectProblem(await upload(pngOf(2049, 1), 'image/png'), 400);
    expect(wide.detail).toContain('2049×1');
    // A valid PNG header announcing 60000×60000 pixels, with almost nothing after it.
    const bomb = Buffer.from(pngOf(1, 1));
    bomb.writeUInt32BE(60_000, 16);
    bomb.writeUInt32BE(60_000, 20);
    expect(expectProblem(await upload(bomb, 'image/png'), 400).detail).toContain('60000×60000');
    // The same for a JPEG: its frame header rewritten to 65000×65000.
    const jpg = jpegOf(8, 8);
    const sof = jpg.indexOf(Buffer.from([0xff, 0xc0]));
    jpg.writeUInt16BE(65_000, sof + 5);
    jpg.writeUInt16BE(65_000, sof + 7);
    expect(expectProblem(await upload(jpg, 'image/jpeg'), 400).detail).toContain('65000×65000');
  });

  it('refuses a body over 512 KB with 413', async () => {
    const big = Buffer.concat([pngOf(1, 1), Buffer.alloc(600 * 1024)]);
    expectProblem(await upload(big, 'image/png'), 413);
  });
});

describe('emails under the white label', () => {
  it('an invitation is sent under the sender name, with the display name and colours', async () => {
    const agency = await createTenant(ctx.db);
    const path = `/v1/organizations/${agency.organizationId}/branding`;
    await ctx.app.inject({
      method: 'PATCH',
      url: path,
      headers: agency.headers,
      payload: {
        displayName: 'Northwind Agency',
        primaryColor: '#0b3d91',
        accentColor: '#f97316',
        emailSenderName: 'Northwind Reports',
      },
    });
    const to = `client-${Date.now()}@nimbus.example`;
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/v1/invitations',
      headers: agency.headers,
      payload: { email: to, role: 'viewer' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const msg = await smtp.waitFor((m) => m.to === to);
    expect(msg.from).toContain('Northwind Reports');
    expect(msg.from).toContain(`<${msg.mailFrom}>`);
    expect(msg.html).toContain('color:#0b3d91');
    expect(msg.html).toContain('background:#f97316');
    expect(msg.html).toContain('Northwind Agency');
    expect(msg.text).toContain('— Northwind Agency');

    // Without a white label: Citewatch's look, MAIL_FROM as it is.
    const plain = await createTenant(ctx.db);
    const to2 = `client2-${Date.now()}@nimbus.example`;
    await ctx.app.inject({
      method: 'POST',
      url: '/v1/invitations',
      headers: plain.headers,
      payload: { email: to2, role: 'viewer' },
    });
    const msg2 = await smtp.waitFor((m) => m.to === to2);
    expect(msg2.html).toContain('color:#1d4ed8');
    expect(msg2.text).toContain('— Citewatch');
    expect(msg2.from).not.toContain('Northwind');
  });
});
