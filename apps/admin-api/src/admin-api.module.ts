import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { CURRENT_SCHEMA_VERSIONS, CURRENT_SCHEME_VERSION, upcastEvent } from '@accreditation/domain';
import { AuditorCommandHandler, CLOCK, CentreCommandHandler, DeciderRunner, ID_SOURCE } from '@accreditation/application';
import { EVENT_STORE, type RecordedEvent } from '@accreditation/event-store';
import { AuthGuard } from './auth/auth.guard';
import { TokenVerifier } from './auth/token-verifier';
import { ENGINE_DEPS, type EngineDeps, READ_MODELS } from './bootstrap/engine-deps';
import { CommandGateway } from './commands/command-gateway';
import { HTTP_CONTROLLERS } from './http-controllers';
import { ErrorResponsesFilter } from './http/error-responses.filter';
import { ETagInterceptor } from './http/etag.interceptor';

/** Reads a stored event in the domain's current shape. */
export const readStoredEvent = (event: RecordedEvent) =>
  upcastEvent({ type: event.type, data: event.data, schemaVersion: Number(event.metadata.schemaVersion ?? 1) });

@Module({})
export class AdminApiModule {
  static register(deps: EngineDeps): DynamicModule {
    return {
      module: AdminApiModule,
      imports: [CqrsModule.forRoot()],
      controllers: HTTP_CONTROLLERS,
      providers: [
        { provide: ENGINE_DEPS, useValue: deps },
        { provide: EVENT_STORE, useValue: deps.store },
        { provide: READ_MODELS, useValue: deps.readModels },
        { provide: CLOCK, useValue: deps.clock },
        { provide: ID_SOURCE, useValue: deps.ids },
        {
          provide: DeciderRunner,
          useFactory: () =>
            new DeciderRunner(deps.store, deps.clock, deps.ids, readStoredEvent, {
              maxRetries: deps.config.commandRetries,
              currentSchemeVersion: CURRENT_SCHEME_VERSION,
              schemaVersionOf: (type) => CURRENT_SCHEMA_VERSIONS[type] ?? 1,
            }),
        },
        {
          provide: TokenVerifier,
          useFactory: () => new TokenVerifier({ secret: deps.jwtSecret, jwksUrl: deps.config.auth.jwksUrl, issuer: deps.config.auth.issuer, audience: deps.config.auth.audience }),
        },
        CommandGateway,
        CentreCommandHandler,
        AuditorCommandHandler,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ErrorResponsesFilter },
        { provide: APP_INTERCEPTOR, useClass: ETagInterceptor },
      ],
    };
  }
}
