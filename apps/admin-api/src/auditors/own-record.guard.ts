import { type CanActivate, type ExecutionContext, ForbiddenException, UseGuards } from '@nestjs/common';
import type { Role } from '@accreditation/domain';
import type { AuthenticatedRequest } from '../auth/auth.guard';

/**
 * Runs after the global AuthGuard: a caller in `role` may act only on the record whose id is in the
 * path parameter `param` and equals their own subject (an auditor declares their own conflicts and
 * recuses only themselves). Other allowed roles pass through unchanged.
 */
class OwnRecordGuard implements CanActivate {
  constructor(
    private readonly role: Role,
    private readonly param: string,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const actor = request.importing?.onBehalfOf ?? request.actor;
    if (!actor || actor.role !== this.role) return true;
    const target = (request.params as Record<string, string> | undefined)?.[this.param];
    if (target !== actor.id) throw new ForbiddenException(`In the ${this.role} role you may act only for yourself (:${this.param} must be your subject)`);
    return true;
  }
}

/** `@OwnRecordOnly('auditor', 'id')`: an auditor may use this route only for their own :id. */
export const OwnRecordOnly = (role: Role, param: string) => UseGuards(new OwnRecordGuard(role, param));
