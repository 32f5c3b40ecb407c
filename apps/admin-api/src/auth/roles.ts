import { SetMetadata } from '@nestjs/common';
import type { Role } from '@accreditation/domain';

export const ROLES_KEY = 'accreditation:roles';
export const PUBLIC_KEY = 'accreditation:public';
export const IMPORTABLE_KEY = 'accreditation:importable';
export const APPOINTED_ONLY_KEY = 'accreditation:appointed-only';

/** Roles that may call a route; `centre` callers are further limited to their own centre (`:id`). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/**
 * Command routes that accept a historical import: X-Occurred-At with a token holding the `import`
 * scope, on behalf of the person named in X-On-Behalf-Of, whose role the route must allow. The
 * domain checks rule 10 (ImportRequiresOffice, ImportMustBeInPast) and every other rule against that person.
 */
export const HistoricalImport = () => SetMetadata(IMPORTABLE_KEY, true);

/**
 * Read routes on one centre (`:id`) that an auditor may call only for centres they are or were
 * appointed to (confidentiality, ISO/IEC 17011 §8.1); the other roles the route allows read all.
 */
export const AppointedAuditorsOnly = () => SetMetadata(APPOINTED_ONLY_KEY, true);

/** No token needed (health, public registry, certificate verification). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

export const HUMAN_ROLES: Role[] = ['office', 'auditor', 'committee', 'centre', 'compliance', 'reporting'];
