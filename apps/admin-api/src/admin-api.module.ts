import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { AuditTrailReplay, AuditorCommandHandler, CLOCK, CentreCommandHandler, DeciderRunner, ID_SOURCE, PersonCommandHandler, createDeciderRunner, readStoredEvent } from '@accreditation/application';
import { EVENT_STORE } from '@accreditation/event-store';
import { AppointmentRegister } from './auth/appointment-register';
import { AuthGuard } from './auth/auth.guard';
import { TokenVerifier } from './auth/token-verifier';
import { ENGINE_DEPS, type EngineDeps, READ_MODELS } from './bootstrap/engine-deps';
import { CommandGateway } from './commands/command-gateway';
import { MintedIds } from './commands/minted-ids';
import { HTTP_CONTROLLERS } from './http-controllers';
import { CONSOLE_QUERY_HANDLERS } from './console/console.queries';
import { SignInController } from './console/sign-in.controller';
import { QUERY_HANDLERS } from './queries/read-model.query-handlers';
import { QUERY_CONTROLLERS } from './query-controllers';
import { ErrorResponsesFilter } from './http/error-responses.filter';

@Module({})
export class AdminApiModule {
  static register(deps: EngineDeps): DynamicModule {
    return {
      module: AdminApiModule,
      imports: [CqrsModule.forRoot()],
      controllers: [...HTTP_CONTROLLERS, ...QUERY_CONTROLLERS, SignInController],
      providers: [
        { provide: ENGINE_DEPS, useValue: deps },
        { provide: EVENT_STORE, useValue: deps.store },
        { provide: READ_MODELS, useValue: deps.readModels },
        { provide: CLOCK, useValue: deps.clock },
        { provide: ID_SOURCE, useValue: deps.ids },
        {
          provide: DeciderRunner,
          useFactory: () =>
            createDeciderRunner(deps.store, deps.clock, deps.ids, deps.config.commandRetries, deps.config.streamCacheSize, {
              sealKey: deps.ledger?.sealKey,
              anchoredHead: deps.ledger && ((streamId) => deps.ledger!.anchoredHead(streamId)),
              knownBreak: deps.ledger && ((streamId) => deps.ledger!.knownBreak(streamId)),
            }),
        },
        {
          provide: TokenVerifier,
          useFactory: () => new TokenVerifier({ secret: deps.jwtSecret, jwksUrl: deps.config.auth.jwksUrl, issuer: deps.config.auth.issuer, audience: deps.config.auth.audience, maxLifetimeSeconds: deps.config.auth.maxTokenLifetimeSeconds }),
        },
        { provide: AuditTrailReplay, useFactory: () => new AuditTrailReplay(deps.store, readStoredEvent, deps.clock, deps.ledger) },
        CommandGateway,
        AppointmentRegister,
        MintedIds,
        ...QUERY_HANDLERS,
        ...CONSOLE_QUERY_HANDLERS,
        CentreCommandHandler,
        AuditorCommandHandler,
        PersonCommandHandler,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ErrorResponsesFilter },
      ],
    };
  }
}
