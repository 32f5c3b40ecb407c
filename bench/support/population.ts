import { generatePopulation, countEvents, type GeneratedStream } from '../../libs/projections/src/testing/centre-population';

/**
 * Historical centres and auditors for S5/S6, generated in chunks so that 1M events never sit in
 * memory at once: one seeded template population (the projections' own generator, which follows
 * the lifecycle), copied with chunk-specific centre and auditor ids.
 */
export class PopulationChunks {
  private readonly template: GeneratedStream[];
  readonly eventsPerChunk: number;

  constructor(centresPerChunk = 1000) {
    this.template = generatePopulation({ centres: centresPerChunk, seed: 7, judgementsPerAudit: 8, deterministicIds: true });
    this.eventsPerChunk = countEvents(this.template);
  }

  chunk(k: number): GeneratedStream[] {
    const tag = `k${k.toString(36)}`;
    return this.template.map((s) => {
      const centre = s.streamId.startsWith('centre-c-');
      const streamId = centre ? s.streamId.replace('centre-c-', `centre-c${tag}-`) : s.streamId.replace('auditor-aud-', `auditor-aud${tag}-`);
      const centreId = centre ? streamId.slice('centre-'.length) : undefined;
      return {
        streamId,
        events: s.events.map((e) => {
          const data = e.data as Record<string, unknown>;
          const renamed = centre ? { ...data, centreId } : { ...data, auditorId: streamId.slice('auditor-'.length) };
          return { ...e, data: renamed };
        }),
      };
    });
  }
}
