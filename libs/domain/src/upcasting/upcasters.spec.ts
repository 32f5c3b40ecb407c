import { CURRENT_SCHEMA_VERSIONS, currentSchemaVersion, EventSchemaVersionError, upcastEvent } from './upcasters';

const v1 = {
  centreId: 'hus', name: 'IR Strasbourg', location: 'Strasbourg, FR', institution: 'HUS', procedures: 420,
  representativeId: 'rep-1', contactId: 'contact-1', substituteId: 'sub-1', registeredAt: '2019-06-01T00:00:00.000Z', registeredBy: 'office-1',
};

describe('upcasters', () => {
  it('CentreRegistered v1 ("City, CC" location, `procedures`) → current shape', () => {
    expect(upcastEvent({ type: 'CentreRegistered', data: v1, schemaVersion: 1 })).toEqual({
      type: 'CentreRegistered',
      data: {
        centreId: 'hus', name: 'IR Strasbourg', city: 'Strasbourg', country: 'FR', institution: 'HUS', proceduresPerYear: 420,
        representativeId: 'rep-1', contactId: 'contact-1', substituteId: 'sub-1', registeredAt: '2019-06-01T00:00:00.000Z', registeredBy: 'office-1',
      },
    });
  });

  it('a city with a comma keeps it; the country is after the last comma', () => {
    expect(upcastEvent({ type: 'CentreRegistered', data: { ...v1, location: 'Memphis, Tennessee, US' }, schemaVersion: 1 }).data).toMatchObject({ city: 'Memphis, Tennessee', country: 'US' });
  });

  it('current versions and unversioned types pass through untouched', () => {
    const data = { centreId: 'x' };
    expect(upcastEvent({ type: 'CentreRegistered', data, schemaVersion: 2 }).data).toBe(data);
    expect(upcastEvent({ type: 'CentreEnrolled', data }).data).toBe(data);
    expect(currentSchemaVersion('CentreEnrolled')).toBe(1);
    expect(CURRENT_SCHEMA_VERSIONS.CentreRegistered).toBe(2);
  });

  it('a version newer than the engine knows is an error, not a guess', () => {
    expect(() => upcastEvent({ type: 'CentreRegistered', data: {}, schemaVersion: 3 })).toThrow(EventSchemaVersionError);
  });

  it('a location without a comma is all city; a missing location gives empty strings; procedures as text become a number', () => {
    expect(upcastEvent({ type: 'CentreRegistered', data: { ...v1, location: '  Memphis  ' }, schemaVersion: 1 }).data).toMatchObject({ city: 'Memphis', country: '' });
    const { location: _l, procedures: _p, ...bare } = v1;
    const data = upcastEvent({ type: 'CentreRegistered', data: bare, schemaVersion: 1 }).data as Record<string, unknown>;
    expect(data).toMatchObject({ city: '', country: '', proceduresPerYear: 0 });
    expect(data).not.toHaveProperty('location');
    expect(data).not.toHaveProperty('procedures');
    expect(upcastEvent({ type: 'CentreRegistered', data: { ...v1, location: ' Lyon ,  FR ', procedures: '310' }, schemaVersion: 1 }).data).toMatchObject({ city: 'Lyon', country: 'FR', proceduresPerYear: 310 });
  });

  it('an unversioned event is version 1 (written before versioning) and is upcast', () => {
    expect(upcastEvent({ type: 'CentreRegistered', data: v1 }).data).toMatchObject({ city: 'Strasbourg', country: 'FR' });
  });

  it('a version with no upcaster on the way is an error naming the type and version', () => {
    expect(() => upcastEvent({ type: 'CentreRegistered', data: v1, schemaVersion: 0 })).toThrow('No upcaster for CentreRegistered from v0.');
    expect(() => upcastEvent({ type: 'CentreRegistered', data: {}, schemaVersion: 3 })).toThrow('CentreRegistered v3 is newer than this engine understands (v2).');
    const error = new EventSchemaVersionError('x');
    expect(error).toBeInstanceOf(EventSchemaVersionError);
    expect(error.name).toBe('EventSchemaVersionError');
  });
  it('edges of the location: no comma and no padding is all city; a leading comma leaves no city', () => {
    expect(upcastEvent({ type: 'CentreRegistered', data: { ...v1, location: 'Memphis' }, schemaVersion: 1 }).data).toMatchObject({ city: 'Memphis', country: '' });
    expect(upcastEvent({ type: 'CentreRegistered', data: { ...v1, location: ', US' }, schemaVersion: 1 }).data).toMatchObject({ city: '', country: 'US' });
  });
});
