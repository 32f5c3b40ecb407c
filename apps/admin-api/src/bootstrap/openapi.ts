import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** Swagger UI at /docs, the document at /docs-json, generated from the controllers and DTOs. */
export function setUpOpenApi(app: NestFastifyApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Accreditation engine — admin API')
    .setDescription(
      'Commands of the IASIOS accreditation lifecycle, queries over the read models, and the compliance replay. ' +
        'Every write answers with the stream revision (also the ETag) and the events it appended. ' +
        'Errors: 400 invalid fields, 401 no token, 403 role, 404 unknown, 409 concurrent writers, 412 stale If-Match, 422 business rule (named in `rule`).',
    )
    .setVersion('1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'npm run token -- --role <role> --sub <subject> [--centre <id>]' })
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}
