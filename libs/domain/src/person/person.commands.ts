/**
 * Commands of a person's record (`person-<personId>`): anyone who may assess, decide or handle an
 * appeal, whether or not a registered auditor. A person declares their own interests; the office
 * records consultations (and may record a declaration on a person's behalf).
 */
export type PersonCommand =
  | { type: 'DeclareInterests'; data: { personId: string; statement: string } }
  | { type: 'DeclarePersonConflict'; data: { personId: string; centreId: string; description: string } }
  | { type: 'RecordPersonConsultation'; data: { personId: string; centreId: string; description: string } };
export type PersonCommandType = PersonCommand['type'];
