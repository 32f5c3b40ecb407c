/**
 * Event versioning: events are never rewritten in the store; older data shapes are lifted to the
 * current one on read. An upcaster turns version n of a type's data into version n + 1; writers
 * stamp metadata.schemaVersion with CURRENT_SCHEMA_VERSIONS (1 for types never changed).
 */

export interface VersionedEvent {
  type: string;
  data: unknown;
  /** metadata.schemaVersion; absent means 1 (events written before versioning). */
  schemaVersion?: number;
}

type Upcaster = (data: Record<string, unknown>) => Record<string, unknown>;

/** Types whose data shape changed, with their current version. Everything else is at 1. */
export const CURRENT_SCHEMA_VERSIONS: Readonly<Record<string, number>> = {
  CentreRegistered: 2,
};

export const currentSchemaVersion = (type: string): number => CURRENT_SCHEMA_VERSIONS[type] ?? 1;

/**
 * CentreRegistered v1 (the first importer's shape) had `location: "City, CC"` and `procedures`;
 * v2 splits the location into city and country and names the volume `proceduresPerYear`.
 */
function centreRegisteredV1toV2(data: Record<string, unknown>): Record<string, unknown> {
  const { location, procedures, ...rest } = data;
  const text = typeof location === 'string' ? location : '';
  const comma = text.lastIndexOf(',');
  const city = (comma >= 0 ? text.slice(0, comma) : text).trim();
  const country = (comma >= 0 ? text.slice(comma + 1) : '').trim();
  return { ...rest, country, city, proceduresPerYear: Number(procedures ?? 0) };
}

/** Keyed by `${type}@${fromVersion}`. */
export const UPCASTERS: Readonly<Record<string, Upcaster>> = {
  'CentreRegistered@1': centreRegisteredV1toV2,
};

export class EventSchemaVersionError extends Error {
  override readonly name = 'EventSchemaVersionError';
  constructor(message: string) {
    super(message);
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

/** Lifts an event's data to its type's current shape, one version at a time. */
export function upcastEvent<T extends string>(event: { type: T; data: unknown; schemaVersion?: number }): { type: T; data: unknown } {
  const target = currentSchemaVersion(event.type);
  let version = event.schemaVersion ?? 1;
  if (version > target) {
    throw new EventSchemaVersionError(`${event.type} v${version} is newer than this engine understands (v${target}).`);
  }
  let data = event.data;
  while (version < target) {
    const upcaster = UPCASTERS[`${event.type}@${version}`];
    if (!upcaster) throw new EventSchemaVersionError(`No upcaster for ${event.type} from v${version}.`);
    data = upcaster(data as Record<string, unknown>);
    version += 1;
  }
  return { type: event.type, data };
}
