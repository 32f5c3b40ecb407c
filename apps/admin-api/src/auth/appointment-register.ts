import { Inject, Injectable } from '@nestjs/common';
import { centreStreamId } from '@accreditation/domain';
import { EVENT_STORE, type EventStore } from '@accreditation/event-store';

/**
 * Whether an auditor is or was appointed to a centre, read from the centre's own stream (the
 * record of truth, never lagging like a read model): an auditor appointed a second ago can read
 * the centre at once.
 */
@Injectable()
export class AppointmentRegister {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async wasAppointed(auditorId: string, centreId: string): Promise<boolean> {
    const events = await this.store.readStream(centreStreamId(centreId));
    return events.some((e) => e.type === 'AuditorAppointed' && (e.data as { auditorId?: unknown }).auditorId === auditorId);
  }
}
