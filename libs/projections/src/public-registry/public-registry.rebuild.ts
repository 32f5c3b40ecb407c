import type { KnownCentre } from '../../../domain/src/centre/centre.state';
import { copyLines } from '../framework/copy-in';
import { copyLine } from '../framework/copy-text';
import { centreEventOf, copyCentreStates, foldRecorded, unregistered } from '../framework/centre-fold';
import type { InMemoryRebuild } from '../framework/projection';
import { type CertificateRow, certificateRowsOf, registryRowOf } from './public-registry.evolve';

/**
 * The rebuild of the public registry in memory: the same fold as foldRegistry (a new cycle writes
 * the old cycle's certificates as it left them; a later write of a certificate number replaces an
 * earlier one, as the upsert does), states kept per centre; then one COPY per table.
 */
export function publicRegistryInMemory(): InMemoryRebuild<'registry' | 'certificates' | 'states'> {
  const states = new Map<string, KnownCentre>();
  const certificates = new Map<string, CertificateRow>();
  const keep = (rows: CertificateRow[]) => { for (const c of rows) certificates.set(c.certificateNumber, c); };
  return {
    add(e) {
      const id = centreEventOf(e);
      if (id === undefined) return;
      const before = states.get(id);
      const state = foldRecorded(before ?? unregistered(), e);
      if (state.status === 'Unregistered') return;
      const leftBehind = before && before.cycle !== state.cycle ? certificateRowsOf(before) : [];
      keep(leftBehind);
      states.set(id, state);
    },
    async write(tx, t) {
      await copyLines(tx, t.registry, ['centre_id', 'name', 'country', 'city', 'listed', 'seal', 'status', 'valid_from', 'valid_until', 'certificate_number'], (function* () {
        for (const state of states.values()) {
          const r = registryRowOf(state);
          keep(certificateRowsOf(state));
          yield copyLine([r.centreId, r.name, r.country, r.city, r.listed, r.seal, r.status, r.validFrom, r.validUntil, r.certificateNumber]);
        }
      })());
      await copyLines(tx, t.certificates, ['certificate_number', 'centre_id', 'seal', 'valid_from', 'valid_until', 'superseded_from', 'standing'], (function* () {
        for (const c of certificates.values()) yield copyLine([c.certificateNumber, c.centreId, c.seal, c.validFrom, c.validUntil, c.supersededFrom, c.standing]);
      })());
      await copyCentreStates(tx, t.states, states.values());
    },
  };
}
