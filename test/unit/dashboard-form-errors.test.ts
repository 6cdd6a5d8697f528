import { describe, expect, it } from 'vitest';
import { fieldFor, fieldPath, placeErrors } from '../../dashboard/src/lib/form-errors.js';

describe('placing the API’s field errors on a form', () => {
  const fields = ['name', 'aliases', 'domains', 'params.temperature', 'params'];

  it('strips the request part the API names first', () => {
    expect(fieldPath('body.name')).toBe('name');
    expect(fieldPath('querystring.q')).toBe('q');
    expect(fieldPath('params.temperature')).toBe('params.temperature');
    expect(fieldPath('name')).toBe('name');
  });

  it('finds the field by its exact path, else the longest field the path is inside', () => {
    expect(fieldFor('body.name', fields)).toBe('name');
    expect(fieldFor('body.domains.1', fields)).toBe('domains');
    expect(fieldFor('params.temperature', fields)).toBe('params.temperature');
    expect(fieldFor('params.seed', fields)).toBe('params');
    expect(fieldFor('body.kind', fields)).toBeNull();
    // "names" is not inside "name".
    expect(fieldFor('body.names', fields)).toBeNull();
  });

  it('groups messages per field, names list items from one, and keeps the rest for the top', () => {
    const placed = placeErrors(
      [
        { path: 'body.name', message: 'is required (string)' },
        { path: 'body.domains.1', message: '"nope" is not a domain name' },
        { path: 'body.domains.3', message: '"x" is not a domain name' },
        { path: 'body.kind', message: 'Invalid option' },
      ],
      ['name', 'domains'],
    );
    expect(placed.byField).toEqual({
      name: ['is required (string)'],
      domains: ['Item 2: "nope" is not a domain name', 'Item 4: "x" is not a domain name'],
    });
    expect(placed.unplaced).toEqual(['kind: Invalid option']);
  });

  it('places nothing when the form has no fields', () => {
    expect(placeErrors([{ path: 'body.name', message: 'too long' }], [])).toEqual({
      byField: {},
      unplaced: ['name: too long'],
    });
  });
});
