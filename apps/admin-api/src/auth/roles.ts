import { SetMetadata } from '@nestjs/common';
import type { Role } from '@accreditation/domain';

export const ROLES_KEY = 'accreditation:roles';
export const PUBLIC_KEY = 'accreditation:public';
export const IMPORTABLE_KEY = 'accreditation:importable';

/** Roles that may call a route; `centre` callers are further limited to their own centre (`:id`). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/**
 * Command routes the office may also call, whatever their live roles, to import history: only with
 * X-Occurred-At, and the domain then checks it is really in the past (rule 10, ImportRequiresOffice).
 */
export const HistoricalImport = () => SetMetadata(IMPORTABLE_KEY, true);

/** No token needed (health, public registry, certificate verification). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

export const HUMAN_ROLES: Role[] = ['office', 'auditor', 'committee', 'centre', 'compliance', 'reporting'];
