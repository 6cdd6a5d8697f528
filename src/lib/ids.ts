import { v7 as uuidv7, validate, version } from 'uuid';

/** Time-ordered UUIDv7: ids sort by creation time, which makes them good pagination cursors. */
export function newId(): string {
  return uuidv7();
}

export function isUuid(value: string): boolean {
  return validate(value) && version(value) >= 1;
}
