import { SetMetadata } from '@nestjs/common';
import type { Role } from '@accreditation/domain';

export const ROLES_KEY = 'accreditation:roles';
export const PUBLIC_KEY = 'accreditation:public';

/** Roles that may call a route; `centre` callers are further limited to their own centre (`:id`). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** No token needed (health, public registry, certificate verification). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

export const HUMAN_ROLES: Role[] = ['office', 'auditor', 'committee', 'centre', 'compliance', 'reporting'];
