import { copyField, copyLine } from '../framework/copy-text';
import { asRecorded, generatePopulation } from '../testing/centre-population';
import { recorder } from '../testing/recorded';
import { historyCopyText, historyRow } from './centre-history.rows';
import { summarise } from './centre-history.summary';

describe('centre history projection (pure)', () => {
  const r = recorder();
  const granted = r({ type: 'AccreditationGranted', data: { centreId: 'c-1', auditId: 'a-1', certificateNumber: 'IASIOS-2020-002', validFrom: '2020-04-01T00:00:00.000Z', validUntil: '2024-04-01T00:00:00.000Z', schemeVersion: '2019.1', decidedAt: '2020-04-01T00:00:00.000Z', decidedBy: 'com-1' } },
    '2020-04-01T00:00:00.000Z', { id: 'com-1', role: 'committee' });

  it('one row per event with actor, occurredAt, recordedAt and a sentence', () => {
    expect(historyRow(granted)).toEqual({
      centreId: 'c-1', revision: 0, position: '1', eventId: 'centre-c-1-0', type: 'AccreditationGranted',
      summary: 'Accreditation granted, certificate IASIOS-2020-002, valid 2020-04-01 to 2024-04-01.',
      actorId: 'com-1', actorRole: 'committee', occurredAt: '2020-04-01T00:00:00.000Z', recordedAt: '2020-04-01T00:00:00.000Z',
    });
  });

  it('historical imports keep occurredAt apart from recordedAt', () => {
    const e = { ...granted, metadata: { ...granted.metadata, occurredAt: '2020-04-01T00:00:00.000Z', recordedAt: '2025-01-01T00:00:00.000Z' } };
    expect(historyRow(e)).toMatchObject({ occurredAt: '2020-04-01T00:00:00.000Z', recordedAt: '2025-01-01T00:00:00.000Z' });
  });

  it('has a sentence for every event type of a generated population, never a bare type name', () => {
    for (const e of asRecorded(generatePopulation({ centres: 30, seed: 3 }))) {
      if (!e.streamId.startsWith('centre-')) continue;
      const s = summarise(e);
      expect(s).not.toBe(`${e.type}.`); // the fallback for unknown types
      expect(s).toMatch(/^[A-Z]/);
    }
    expect(summarise({ type: 'AccreditationSuspended', data: { centreId: 'c', reason: 'seal_misuse', note: '', suspendedAt: '2021-01-01T00:00:00Z', suspendedUntil: '2021-07-01T00:00:00Z', decidedBy: 'x' } }))
      .toBe('Accreditation suspended (seal misuse) until 2021-07-01.');
  });

  it('encodes COPY text safely (tabs, newlines, backslashes, NULL)', () => {
    expect(copyField('a\tb\nc\\d\re')).toBe('a\\tb\\nc\\\\d\\re');
    expect(copyField(null)).toBe('\\N');
    expect(copyLine(['x', 1, null])).toBe('x\t1\t\\N\n');
    const text = historyCopyText([granted]);
    expect(text.split('\n')).toHaveLength(2);
    expect(text.split('\t')).toHaveLength(10);
  });

  it('skips events without a centre id (auditor streams are not centre history)', () => {
    const rr = recorder();
    expect(historyRow(rr({ type: 'AuditorRegistered', data: { auditorId: 'aud-1', country: 'FR', specialties: [], registeredAt: '2020-01-01T00:00:00Z', registeredBy: 'office-1' } }))).toBeUndefined();
  });
});
