import { AppealController } from './appeals/appeal.controller';
import { AuditorController } from './auditors/auditor.controller';
import { AuditAssessmentController } from './audits/audit-assessment.controller';
import { AuditPlanningController } from './audits/audit-planning.controller';
import { CentreApplicationController } from './centres/centre-application.controller';
import { CentreRecordsController } from './centres/centre-records.controller';
import { CentreRegistrationController } from './centres/centre-registration.controller';
import { AccreditationDecisionController } from './decisions/accreditation-decision.controller';
import { AccreditationStatusController } from './decisions/accreditation-status.controller';
import { FindingController } from './findings/finding.controller';
import { HealthController } from './health/health.controller';
import { PersonController } from './persons/person.controller';

/** Every HTTP controller of the admin API, in one list. */
export const HTTP_CONTROLLERS = [
  HealthController,
  CentreRegistrationController,
  CentreApplicationController,
  AuditPlanningController,
  AuditAssessmentController,
  FindingController,
  AccreditationDecisionController,
  AccreditationStatusController,
  AppealController,
  CentreRecordsController,
  AuditorController,
  PersonController,
];
