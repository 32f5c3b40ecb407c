import { CentreRegistrationController } from './centres/centre-registration.controller';
import { HealthController } from './health/health.controller';

/** Every HTTP controller of the admin API, in one list. */
export const HTTP_CONTROLLERS = [HealthController, CentreRegistrationController];
