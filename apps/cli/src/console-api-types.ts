/**
 * npm run console:api-types — regenerates apps/console/src/api/schema.d.ts from the API's OpenAPI
 * document (run it after changing a route or DTO; a spec fails while the committed file is stale).
 */
import { writeFileSync } from 'node:fs';
import { CONSOLE_API_TYPES, consoleApiTypes } from '../../admin-api/src/console/console-api-types';

consoleApiTypes()
  .then((types) => {
    writeFileSync(CONSOLE_API_TYPES, types);
    process.stderr.write(`wrote ${CONSOLE_API_TYPES}\n`);
  })
  .catch((error: Error) => {
    process.stderr.write(`${error.stack ?? error.message}\n`);
    process.exit(1);
  });
