/** One stream per aggregate; EventStoreDB's category is the text before the first dash. */
export const centreStreamId = (centreId: string): string => `centre-${centreId}`;
export const auditorStreamId = (auditorId: string): string => `auditor-${auditorId}`;
export const personStreamId = (personId: string): string => `person-${personId}`;
