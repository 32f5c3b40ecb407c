/**
 * GrantAccreditation takes nothing but the path: the server mints the certificate number, the
 * validity follows from the decision date, and the decider's independence is read from their record.
 */
export class GrantAccreditationDto {}
