import type { KnownCentre } from '../../../domain/src/centre/centre.state';
import type { RecordedEvent } from '../../../event-store/src/event-store.port';
import { centreEventOf, copyCentreStates, foldRecorded, unregistered } from '../framework/centre-fold';
import type { InMemoryRebuild } from '../framework/projection';
import { centreStatusRowOf } from './centre-status.evolve';
import { copyCentreStatusRows } from './centre-status.sql';

interface Centre { state: KnownCentre; registeredAt: string; last: RecordedEvent }

/**
 * The rebuild of centre status in memory: the same fold as foldCentreStatus (registeredAt from the
 * registration, the row from the state after the centre's last event), one entry per centre
 * instead of loading and saving rows and states every batch; then one COPY per table.
 */
export function centreStatusInMemory(): InMemoryRebuild<'status' | 'states'> {
  const centres = new Map<string, Centre>();
  return {
    add(e) {
      const id = centreEventOf(e);
      if (id === undefined) return;
      const centre = centres.get(id);
      const state = foldRecorded(centre?.state ?? unregistered(), e);
      if (state.status === 'Unregistered') return; // a centre never registered: nothing to show
      if (centre) {
        centre.state = state;
        centre.last = e;
      } else centres.set(id, { state, registeredAt: state.lastOccurredAt, last: e }); // just registered
    },
    async write(tx, t) {
      const all = [...centres.values()];
      await copyCentreStatusRows(tx, t, all.map((c) => centreStatusRowOf(c.state, c.registeredAt, c.last)));
      await copyCentreStates(tx, t.states, all.map((c) => c.state));
    },
  };
}
