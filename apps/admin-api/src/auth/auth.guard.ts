import { type CanActivate, type ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@accreditation/domain';
import type { FastifyRequest } from 'fastify';
import { AppointmentRegister } from './appointment-register';
import { APPOINTED_ONLY_KEY, IMPORTABLE_KEY, PUBLIC_KEY, ROLES_KEY } from './roles';
import { type ImportRequest, readImportRequest } from './import-headers';
import { type AuthenticatedActor, InvalidToken, TokenVerifier } from './token-verifier';

export type AuthenticatedRequest = FastifyRequest & {
  actor?: AuthenticatedActor;
  /** Set on a historical import: the person who really acted and the clerk who keys it in. */
  importing?: ImportRequest;
};

/**
 * 401 without a valid bearer token, 403 for a role the route does not allow or another centre's
 * data, 403 (ImportCapabilityRequired) for X-Occurred-At without the import scope. On an import
 * the route's roles are checked against the person who really acted (X-On-Behalf-Of).
 */
interface RouteAuth {
  isPublic: boolean;
  allowed: Role[];
  importable: boolean;
  appointedOnly: boolean;
}

@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
    private readonly appointments: AppointmentRegister,
  ) {}

  /** What each handler's decorators say, read once: metadata lookups cost on every request otherwise. */
  private readonly routes = new WeakMap<object, RouteAuth>();

  private routeAuth(context: ExecutionContext): RouteAuth {
    const handler = context.getHandler();
    let route = this.routes.get(handler);
    if (!route) {
      const targets = [handler, context.getClass()];
      route = {
        isPublic: this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets) ?? false,
        allowed: this.reflector.getAllAndOverride<Role[]>(ROLES_KEY, targets) ?? [],
        importable: this.reflector.getAllAndOverride<boolean>(IMPORTABLE_KEY, targets) ?? false,
        appointedOnly: this.reflector.getAllAndOverride<boolean>(APPOINTED_ONLY_KEY, targets) ?? false,
      };
      this.routes.set(handler, route);
    }
    return route;
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const { isPublic, allowed, importable, appointedOnly } = this.routeAuth(context);
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    if (!header?.startsWith('Bearer ')) throw new UnauthorizedException('Send a bearer token: Authorization: Bearer <jwt> (npm run token prints one)');
    let actor: AuthenticatedActor;
    try {
      actor = await this.verifier.verify(header.slice('Bearer '.length).trim());
    } catch (error) {
      if (error instanceof InvalidToken) throw new UnauthorizedException(error.message);
      throw error;
    }
    const importing = importable ? readImportRequest(request.headers, actor) : undefined;
    const acting = importing?.onBehalfOf ?? actor;
    if (!allowed.includes(acting.role)) {
      throw new ForbiddenException(`Role "${acting.role}" may not do this; allowed: ${allowed.join(', ') || 'nobody'}`);
    }
    const centreParam = (request.params as Record<string, string> | undefined)?.id;
    // A centre person named in an import is checked by the domain (CentreActsForItselfOnly).
    if (!importing && actor.role === 'centre' && centreParam !== undefined && centreParam !== actor.centreId) {
      throw new ForbiddenException('A centre representative may act only for their own centre');
    }
    if (actor.role === 'auditor' && centreParam !== undefined && appointedOnly) {
      if (!(await this.appointments.wasAppointed(actor.id, centreParam))) {
        throw new ForbiddenException('An auditor may read only the centres they are or were appointed to');
      }
    }
    request.actor = actor;
    request.importing = importing;
    return true;
  }
}
