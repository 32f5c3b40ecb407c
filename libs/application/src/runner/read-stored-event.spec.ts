import { EventSchemaVersionError } from '@accreditation/domain';
import type { RecordedEvent } from '@accreditation/event-store/port';
import { readStoredEvent } from './create-decider-runner';

const stored = (type: string, data: unknown, metadata: Record<string, unknown>): RecordedEvent => ({
  streamId: 'centre-c1', revision: 0, position: 1n, id: '00000000-0000-4000-8000-000000000001', type, data, metadata, recordedAt: new Date(0),
});
const v1Registration = { centreId: 'c1', name: 'Centre One', location: 'Lyon, FR', procedures: 300 };

describe('readStoredEvent', () => {
  it("given an event stored at its type's current schema version, when read, then it is the stored event itself, as it is", () => {
    const atCurrent = stored('AccreditationReinstated', { centreId: 'c1' }, { schemaVersion: 1 });
    const registration = stored('CentreRegistered', { centreId: 'c1', city: 'Lyon' }, { schemaVersion: 2 });
    const unstamped = stored('AccreditationReinstated', { centreId: 'c1' }, {});
    for (const event of [atCurrent, registration, unstamped]) expect(readStoredEvent(event)).toBe(event);
    expect(readStoredEvent(atCurrent)).toMatchObject({ type: 'AccreditationReinstated', data: { centreId: 'c1' } });
  });

  it('given an event stored at an older version (or unstamped, so version 1), when read, then its data is lifted to the current shape', () => {
    for (const metadata of [{ schemaVersion: 1 }, {}, { schemaVersion: '1' }]) {
      expect(readStoredEvent(stored('CentreRegistered', v1Registration, metadata))).toEqual({
        type: 'CentreRegistered', data: { centreId: 'c1', name: 'Centre One', city: 'Lyon', country: 'FR', proceduresPerYear: 300 },
      });
    }
  });

  it('given an event stored at a version newer than the engine knows, when read, then EventSchemaVersionError', () => {
    expect(() => readStoredEvent(stored('AccreditationReinstated', { centreId: 'c1' }, { schemaVersion: 2 }))).toThrow(EventSchemaVersionError);
    expect(() => readStoredEvent(stored('CentreRegistered', {}, { schemaVersion: 3 }))).toThrow('CentreRegistered v3 is newer than this engine understands (v2).');
  });
});
