export type AuditorCommand =
  | { type: 'RegisterAuditor'; data: { auditorId: string; country: string; specialties: string[] } }
  | { type: 'DeclareConflict'; data: { auditorId: string; centreId: string; description: string } }
  | { type: 'RecordConsultation'; data: { auditorId: string; centreId: string; description: string } };

export type AuditorCommandType = AuditorCommand['type'];
