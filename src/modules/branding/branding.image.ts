/**
 * Logos: PNG or JPEG only, at most LOGO_MAX_BYTES and LOGO_MAX_SIDE pixels a side. An upload is
 * never stored or served as sent: its type is read from its first bytes (and must be the type it
 * was sent as), its declared dimensions are checked before anything is decoded (so a small file
 * announcing a huge image costs nothing), it is decoded completely by pure-JS decoders (pngjs,
 * jpeg-js), and the pixels are encoded again. Whatever else the file carried (metadata, trailing
 * bytes, chunks a viewer might misread) is gone.
 */
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { AppError } from '../../lib/errors.js';

export const LOGO_MAX_BYTES = 512 * 1024;
export const LOGO_MAX_SIDE = 2048;
export const LOGO_TYPES = ['image/png', 'image/jpeg'] as const;
export type LogoType = (typeof LOGO_TYPES)[number];

export interface Logo {
  contentType: LogoType;
  width: number;
  height: number;
  data: Buffer;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The image type of these bytes, from their signature; null: neither PNG nor JPEG. */
export function sniffImageType(data: Buffer): LogoType | null {
  if (data.length >= 8 && data.subarray(0, 8).equals(PNG_SIGNATURE)) return 'image/png';
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  return null;
}

function invalid(message: string): AppError {
  return new AppError('validation_failed', message, { errors: [{ path: 'body', message }] });
}

/** Width and height as a PNG's IHDR chunk declares them. */
function pngDimensions(data: Buffer): { width: number; height: number } {
  if (data.length < 24 || data.toString('latin1', 12, 16) !== 'IHDR') {
    throw invalid('the PNG is truncated or malformed: it has no IHDR header');
  }
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

/** Width and height as a JPEG's first start-of-frame segment declares them. */
function jpegDimensions(data: Buffer): { width: number; height: number } {
  let at = 2;
  while (at + 4 <= data.length) {
    if (data[at] !== 0xff) throw invalid('the JPEG is malformed: a segment does not start with a marker');
    const marker = data[at + 1] as number;
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    const length = data.readUInt16BE(at + 2);
    // SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (at + 9 > data.length) break;
      return { height: data.readUInt16BE(at + 5), width: data.readUInt16BE(at + 7) };
    }
    if (marker === 0xd9 || marker === 0xda) break;
    at += 2 + length;
  }
  throw invalid('the JPEG is truncated or malformed: no frame header before its image data');
}

function checkDimensions(width: number, height: number): void {
  if (width < 1 || height < 1) throw invalid('the image declares no pixels (width or height 0)');
  if (width > LOGO_MAX_SIDE || height > LOGO_MAX_SIDE) {
    throw invalid(
      `the image is ${width}×${height} pixels; a logo is at most ${LOGO_MAX_SIDE}×${LOGO_MAX_SIDE} (scale it down first)`,
    );
  }
}

/**
 * The logo to store: `data` sent as `declaredType`, checked, decoded and re-encoded. Throws
 * AppError (415 for another type, 413 over the size limit, 400 for anything malformed).
 */
export function reencodeLogo(data: Buffer, declaredType: string): Logo {
  const declared = declaredType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (!(LOGO_TYPES as readonly string[]).includes(declared)) {
    throw new AppError(
      'unsupported_media_type',
      `A logo is sent as image/png or image/jpeg, not ${declared || 'without a content type'}.`,
    );
  }
  if (data.length > LOGO_MAX_BYTES) {
    throw new AppError(
      'payload_too_large',
      `A logo is at most ${LOGO_MAX_BYTES / 1024} KB; this one is ${data.length} bytes.`,
    );
  }
  if (data.length === 0) throw invalid('the body is empty: send the image file as the request body');
  const actual = sniffImageType(data);
  if (actual === null) throw invalid(`the body is not a PNG or JPEG image (sent as ${declared})`);
  if (actual !== declared) {
    throw invalid(`the body is ${actual === 'image/png' ? 'a PNG' : 'a JPEG'} image but was sent as ${declared}`);
  }
  if (actual === 'image/png') {
    const declaredSize = pngDimensions(data);
    checkDimensions(declaredSize.width, declaredSize.height);
    let png: PNG;
    try {
      png = PNG.sync.read(data);
    } catch (err) {
      throw invalid(`the PNG cannot be decoded: ${(err as Error).message}`);
    }
    checkDimensions(png.width, png.height);
    const out = PNG.sync.write(png, { colorType: 6, inputColorType: 6, bitDepth: 8, inputHasAlpha: true });
    return { contentType: 'image/png', width: png.width, height: png.height, data: out };
  }
  const declaredSize = jpegDimensions(data);
  checkDimensions(declaredSize.width, declaredSize.height);
  let decoded: { width: number; height: number; data: Uint8Array };
  try {
    decoded = jpeg.decode(data, {
      useTArray: true,
      formatAsRGBA: true,
      tolerantDecoding: false,
      maxResolutionInMP: (LOGO_MAX_SIDE * LOGO_MAX_SIDE) / 1_000_000,
      maxMemoryUsageInMB: 128,
    });
  } catch (err) {
    throw invalid(`the JPEG cannot be decoded: ${(err as Error).message}`);
  }
  checkDimensions(decoded.width, decoded.height);
  const out = jpeg.encode({ data: decoded.data, width: decoded.width, height: decoded.height }, 90);
  return { contentType: 'image/jpeg', width: decoded.width, height: decoded.height, data: Buffer.from(out.data) };
}
