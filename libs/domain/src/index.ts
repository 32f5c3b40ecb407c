/**
 * @accreditation/domain: the IASIOS accreditation lifecycle as pure deciders.
 * No framework, no I/O, no clock: time, actor and ids come in through commands and the context.
 */

// Vocabulary
export * from './shared/primitives';
export * from './shared/decision-context';
export * from './shared/decider';
export * from './shared/domain-errors';
export * from './shared/stream-ids';
export * from './centre/centre.events';
export * from './centre/centre.commands';
export * from './auditor/auditor.events';
export * from './auditor/auditor.commands';
export * from './person/person.events';
export * from './person/person.commands';

// Centre
export * from './centre/centre.state';
export { evolveCentre } from './centre/centre.evolve';
export { decideCentre } from './centre/centre.decide';
export { centreDecider, foldCentre } from './centre/centre.decider';
export { occurredAtOf } from './centre/centre.occurred-at';
export { centreStateAt, impliedTimerEvents, recordedStateAt, includesEvent, type PointInTime, type TimedEvent } from './centre/centre.time-travel';
export * from './centre/centre.standing';
export { TIMER_ACTOR, TIMER_EVENT_TYPES, dueTimerEvents, pendingTimers, type PendingTimer, type TimerCommand } from './centre/centre.timers';

// Auditor
export * from './auditor/auditor.state';
export { evolveAuditor } from './auditor/auditor.evolve';
export { decideAuditor } from './auditor/auditor.decide';
export { auditorDecider } from './auditor/auditor.decider';
export { personFactsFor } from './auditor/auditor.facts';

// Person (register of interests)
export * from './person/person.state';
export { evolvePerson } from './person/person.evolve';
export { decidePerson } from './person/person.decide';
export { personDecider } from './person/person.decider';

// Scheme
export * from './scheme/scheme.types';
export { SCHEMES, CURRENT_SCHEME_VERSION, getScheme, coreCriteria, extendedCriteria, hasCriterion } from './scheme/scheme.registry';
export { IASIOS_2019_1 } from './scheme/iasios-2019-1.scheme';

// Rules
export { RULES, type RuleName } from './rules/rule-catalogue';
export { CENTRE_COMMAND_ROLES, AUDITOR_COMMAND_ROLES, PERSON_COMMAND_ROLES } from './rules/roles.rules';
export { isHistoricalImport } from './rules/historical-import.rules';
export { TimerNotDue } from './rules/timers.rules';
export { hasEnded, isInForce } from './rules/validity.rules';
export { awardInForceAt, pendingDecisionFor } from './rules/validity.rules';

// Event versioning
export { upcastEvent, CURRENT_SCHEMA_VERSIONS, currentSchemaVersion, UPCASTERS, EventSchemaVersionError, type VersionedEvent } from './upcasting/upcasters';

// Calendar helpers (UTC, pure) for timers and projections
export { addDays, addMonths, addYears } from './shared/time';
export { parseStrictInstant, strictInstantOrUndefined, STRICT_INSTANT_HINT, type StrictInstant } from './shared/strict-instant';
