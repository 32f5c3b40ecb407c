// Generated from the admin API's OpenAPI document by `npm run console:api-types`. Do not edit.
export interface paths {
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The process is up */
        get: operations["HealthController_live"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Ready to serve: 503, naming each problem, while the database is unavailable, a projection is stuck on an error or a check fails (e.g. the integrity of the stored trail)
         * @description Read-model lag is reported, not required. `problems` names what is wrong, one line each.
         */
        get: operations["HealthController_ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/centres": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List, filter and paginate centres (centre-status read model); an auditor sees only centres they are or were appointed to */
        get: operations["CentreQueriesController_list"];
        put?: never;
        /** Register a centre (RegisterCentre → CentreRegistered) */
        post: operations["CentreRegistrationController_register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/centres/{id}/sign-off": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Attest the Head of Department or Hospital Director sign-off the office received; never the centre itself (AttestSignOff → SignOffAttested) */
        post: operations["CentreRegistrationController_attestSignOff"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/centres/{id}/procedure-volume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Update the yearly procedure volume (UpdateProcedureVolume → ProcedureVolumeUpdated) */
        post: operations["CentreRegistrationController_updateProcedureVolume"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/centres/{id}/enrolment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Enrol a centre once its fees are paid (EnrolCentre → CentreEnrolled) */
        post: operations["CentreRegistrationController_enrol"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/centres/{id}/enrolment/renewal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Renew the enrolment when the annual fee is paid (RenewEnrolment → EnrolmentRenewed) */
        post: operations["CentreRegistrationController_renewEnrolment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/centres/{id}/applications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Submit the application form and the Internal Case Review (SubmitApplication → ApplicationSubmitted); the server mints applicationId */
        post: operations["CentreApplicationController_submit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/centres/{id}/audits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Open the audit of the submitted application (OpenAudit → AuditOpened); the server mints auditId */
        post: operations["AuditPlanningController_open"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/centres/{id}/audits/{auditId}/auditors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Appoint an auditor; their conflicts and consultations are read from their record (AppointAuditor → AuditorAppointed) */
        post: operations["AuditPlanningController_appoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/centres/{id}/audits/{auditId}/auditors/{auditorId}/recusal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Recuse an appointed auditor; an auditor may recuse only themselves (RecuseAuditor → AuditorRecused) */
        post: operations["AuditPlanningController_recuse"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/centres/{id}/audits/{auditId}/objections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Object to an auditor of the audit (ObjectToAuditor → AuditorObjectionRaised) */
        post: operations["AuditPlanningController_object"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/centres/{id}/audits/{auditId}/objections/{auditorId}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Decide a centre's objection to an auditor (DecideAuditorObjection → AuditorObjectionDecided) */
        post: operations["AuditPlanningController_decideObjection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/centres/{id}/audits/{auditId}/evidence-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Request more evidence; the decision clock pauses (RequestEvidence → EvidenceRequested); the server mints requestId */
        post: operations["AuditAssessmentController_requestEvidence"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/centres/{id}/audits/{auditId}/evidence-requests/{requestId}/evidence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Provide the requested evidence; the decision clock resumes (ProvideEvidence → EvidenceProvided) */
        post: operations["AuditAssessmentController_provideEvidence"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/centres/{id}/audits/{auditId}/criteria/{criterionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Judge a criterion met or not met; a later judgement supersedes an earlier one (JudgeCriterion → CriterionJudged) */
        put: operations["AuditAssessmentController_judgeCriterion"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/centres/{id}/audits/{auditId}/findings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Raise a finding graded major, minor or observation (RaiseFinding → FindingRaised); the server mints findingId */
        post: operations["AuditAssessmentController_raiseFinding"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/centres/{id}/audits/{auditId}/completion": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Complete the audit with a recommendation (CompleteAudit → AuditPassed or AuditFailed) */
        post: operations["AuditAssessmentController_complete"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/centres/{id}/findings/{findingId}/corrective-action": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Submit the corrective action plan for a finding (SubmitCorrectiveAction → CorrectiveActionSubmitted) */
        post: operations["FindingController_submitCorrectiveAction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/centres/{id}/findings/{findingId}/corrective-action/acceptance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept the corrective action (AcceptCorrectiveAction → CorrectiveActionAccepted) */
        post: operations["FindingController_acceptCorrectiveAction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/centres/{id}/findings/{findingId}/closure": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close a verified finding (CloseFinding → FindingClosed) */
        post: operations["FindingController_close"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/centres/{id}/accreditation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Grant accreditation after a passed audit; valid 4 years (GrantAccreditation → AccreditationGranted); the server mints the certificate number */
        post: operations["AccreditationDecisionController_grant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/centres/{id}/excellence-seal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Award the Centre of Excellence seal after a completed 4-year term (AwardExcellenceSeal → ExcellenceSealAwarded) */
        post: operations["AccreditationDecisionController_awardExcellenceSeal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/centres/{id}/refusal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Refuse accreditation with the areas to amend (RefuseAccreditation → AccreditationRefused) */
        post: operations["AccreditationDecisionController_refuse"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/centres/{id}/suspension": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Suspend the award; never extends validity (SuspendAccreditation → AccreditationSuspended) */
        post: operations["AccreditationStatusController_suspend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/centres/{id}/reinstatement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reinstate a suspended award (ReinstateAccreditation → AccreditationReinstated) */
        post: operations["AccreditationStatusController_reinstate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/centres/{id}/withdrawal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw the award; final for this cycle (WithdrawAccreditation → AccreditationWithdrawn) */
        post: operations["AccreditationStatusController_withdraw"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/centres/{id}/relinquishment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The centre gives its award up (RelinquishAccreditation → AccreditationRelinquished) */
        post: operations["AccreditationStatusController_relinquish"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/centres/{id}/appeals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Appeal against a refusal, suspension or withdrawal (LodgeAppeal → AppealLodged); the server mints appealId */
        post: operations["AppealController_lodge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/centres/{id}/appeals/{appealId}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Decide an appeal, by a member independent of the decision appealed (DecideAppeal → AppealDecided) */
        post: operations["AppealController_decide"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/centres/{id}/corrections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Correct a recorded event by appending a new one that names it (RecordCorrection → CorrectionRecorded) */
        post: operations["CentreRecordsController_correct"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auditors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Auditor workload, busiest first */
        get: operations["OversightQueriesController_auditors"];
        put?: never;
        /** Register an auditor (RegisterAuditor → AuditorRegistered) */
        post: operations["AuditorController_register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auditors/{id}/conflicts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Declare a conflict of interest with a centre, an auditor for themselves only, the office on their behalf (DeclareConflict → ConflictDeclared) */
        post: operations["AuditorController_declareConflict"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auditors/{id}/consultations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record that the person consulted for a centre (RecordConsultation → ConsultationRecorded) */
        post: operations["AuditorController_recordConsultation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/persons/{id}/interests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** File a declaration of interests, a person for themselves only, the office on their behalf (DeclareInterests → InterestsDeclared) */
        post: operations["PersonController_declareInterests"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/persons/{id}/conflicts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Declare a conflict of interest with a centre, a person for themselves only, the office on their behalf (DeclarePersonConflict → PersonConflictDeclared) */
        post: operations["PersonController_declareConflict"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/persons/{id}/consultations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record that the person consulted for a centre (RecordPersonConsultation → PersonConsultationRecorded) */
        post: operations["PersonController_recordConsultation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/centres/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A centre's current status, seal, validity and open findings */
        get: operations["CentreQueriesController_status"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/centres/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A centre's history, one line per event (keyset pagination with `after`) */
        get: operations["CentreQueriesController_history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/centres/{id}/audit-trail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A centre's full audit trail with the state recomputed at a point (asOf | knownAt | revision), its integrity verified; as JSON, CSV or a printable HTML dossier */
        get: operations["AuditTrailController_trail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/centres/{id}/audit-trail/verification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Verify the integrity chain of the whole stream, each event's seal and the head signed in the latest digest; names the first broken link and the kind of break */
        get: operations["AuditTrailController_verify"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auditors/{id}/verification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Verify an auditor stream's integrity chain and signed head; names the first broken link and the kind of break */
        get: operations["AuditorVerificationController_verify"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auditors/{id}/evidence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A signed evidence bundle of the auditor's stream, checkable offline with npm run verify-dossier */
        get: operations["AuditorVerificationController_evidence"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ledger/digest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The latest signed digest of every stream head (Merkle root, Ed25519 signature) and the public key to check it */
        get: operations["LedgerController_latest"];
        put?: never;
        /** Sign a digest now (when a head moved since the last one) and answer it */
        post: operations["LedgerController_signNow"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ledger/digests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every signed digest with the heads it changed, as JSON lines: the export to publish or archive */
        get: operations["LedgerController_all"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auditors/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An auditor's appointments, declared conflicts and consultations */
        get: operations["OversightQueriesController_auditor"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/statistics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Centres by country and by status, audit pass rate by period */
        get: operations["OversightQueriesController_statistics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/accreditations/expiring": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Awards whose validUntil falls within the next N days (default 180) */
        get: operations["OversightQueriesController_expiring"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/registry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Enrolled, accredited and excellence centres; suspended, withdrawn and expired shown as such */
        get: operations["PublicRegistryController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/registry/certificates/{number}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Verify a certificate by its number */
        get: operations["PublicRegistryController_verify"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/scheme": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The current accreditation scheme: sections, standards, core and extended criteria, ICR size */
        get: operations["ConsoleQueriesController_scheme"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/centres/{id}/file": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A centre's case file from the event store: current state and every event's data (always current; `revision` is its position) */
        get: operations["ConsoleQueriesController_file"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/audits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The calling auditor's appointments (auditor-workload read model) */
        get: operations["ConsoleQueriesController_myAudits"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/decisions/queue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Centres whose completed audit awaits the committee (centre-status read model) */
        get: operations["ConsoleQueriesController_queue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/decisions/appeals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Centres with an appeal not yet decided (centre-status read model) */
        get: operations["ConsoleQueriesController_appeals"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sign-in/options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether development tokens can be had (development secret in use), and the roles */
        get: operations["SignInController_options"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sign-in/development-token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A development bearer token for a role (only with the development secret; 404 otherwise) */
        post: operations["SignInController_developmentToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        RegisterCentreDto: {
            /**
             * @description Chosen by the office; becomes the stream centre-<centreId>
             * @example hus-strasbourg
             */
            centreId: string;
            /** @example Hôpitaux Universitaires de Strasbourg */
            name: string;
            /**
             * @description ISO 3166-1 alpha-2
             * @example FR
             */
            country: string;
            /** @example Strasbourg */
            city: string;
            /** @example Interventional Radiology, Nouvel Hôpital Civil */
            institution: string;
            /** @example 420 */
            proceduresPerYear: number;
            /**
             * @description Person id of the authorised representative (details live in the personal-data store)
             * @example person-rep-001
             */
            representativeId: string;
            /** @example person-contact-001 */
            contactId: string;
            /** @example person-substitute-001 */
            substituteId: string;
        };
        AppendedEventDto: {
            /** Format: uuid */
            id: string;
            /** @example CentreEnrolled */
            type: string;
            /** @example 1 */
            revision: number;
            data: {
                [key: string]: unknown;
            };
        };
        CommandOutcomeDto: {
            /** @example centre-hus-strasbourg */
            streamId: string;
            /**
             * @description Stream revision after the command; also sent as the ETag
             * @example 1
             */
            revision: number;
            /** Format: uuid */
            commandId: string;
            /** @description True when the same Idempotency-Key had already been applied: nothing new was appended */
            replayed: boolean;
            events: components["schemas"]["AppendedEventDto"][];
        };
        FieldErrorDto: {
            /** @example proceduresPerYear */
            field: string;
            /** @example proceduresPerYear must not be less than 0 */
            message: string;
        };
        ErrorBodyDto: {
            /** @example 422 */
            statusCode: number;
            /** @example Unprocessable Entity */
            error: string;
            /** @example A centre needs at least 150 procedures a year to enrol */
            message: string;
            /**
             * @description The business rule broken (422 only)
             * @example MinimumProcedureVolume
             */
            rule?: string;
            /** @description The offending fields (400 only) */
            errors?: components["schemas"]["FieldErrorDto"][];
            /** @example 7d0c3f4e-2b1a-4c55-9a1e-1f2d3c4b5a69 */
            correlationId: string;
        };
        AttestSignOffDto: {
            /**
             * @description Who signed the centre off for enrolment
             * @example head_of_department
             * @enum {string}
             */
            signatory: "head_of_department" | "hospital_director";
            /**
             * @description Person id of the signatory (details live in the personal-data store)
             * @example person-hod-001
             */
            signatoryId: string;
        };
        UpdateProcedureVolumeDto: {
            /**
             * @description Therapeutic interventional-oncology procedures a year (enrolment needs at least 150: a domain rule)
             * @example 180
             */
            proceduresPerYear: number;
        };
        EnrolCentreDto: {
            /**
             * @description Reference of the paid enrolment and annual fee
             * @example FEE-2020-0042
             */
            feeReference: string;
        };
        RenewEnrolmentDto: {
            /**
             * @description Reference of the paid annual fee
             * @example FEE-2021-0042
             */
            feeReference: string;
        };
        CriterionAnswerDto: {
            /**
             * @description How the centre judges itself against the criterion
             * @example met
             * @enum {string}
             */
            compliance: "met" | "partially_met" | "not_met";
            /** @example Two interventional radiologists with EBIR on the rota */
            comment: string;
        };
        InternalCaseReviewDto: {
            /**
             * @description Pseudonymous case-file references, no patient data. The scheme needs exactly 30 (a domain rule: 422 otherwise)
             * @example [
             *       "ICR-2019-001",
             *       "ICR-2019-002"
             *     ]
             */
            caseReferences: string[];
            /** @example 30 consecutive TACE and ablation cases reviewed; 2 minor complications */
            summary: string;
        };
        SubmitApplicationDto: {
            /**
             * @example initial
             * @enum {string}
             */
            kind: "initial" | "recertification" | "excellence";
            /**
             * @description Self-assessment keyed by criterion id; every core criterion must be answered (a domain rule)
             * @example {
             *       "1a": {
             *         "compliance": "met",
             *         "comment": "Two IRs on call 24/7"
             *       }
             *     }
             */
            answers: {
                [key: string]: components["schemas"]["CriterionAnswerDto"];
            };
            icr: components["schemas"]["InternalCaseReviewDto"];
        };
        OpenAuditDto: {
            /**
             * Format: date-time
             * @description When the assessment is due; ISO 8601 date or instant
             * @example 2020-03-31T00:00:00.000Z
             */
            dueDate: string;
        };
        AppointAuditorDto: {
            /**
             * @description A registered auditor
             * @example auditor-jdupont
             */
            auditorId: string;
        };
        RecuseAuditorDto: {
            /** @example Conflict of interest discovered after appointment */
            reason: string;
        };
        ObjectToAuditorDto: {
            /**
             * @description The auditor the centre objects to
             * @example auditor-jdupont
             */
            auditorId: string;
            /** @example Works for a competing centre in the same city */
            grounds: string;
        };
        DecideAuditorObjectionDto: {
            /**
             * @description An upheld objection blocks (or ends) the appointment
             * @example true
             */
            upheld: boolean;
            /** @example Competing interest confirmed */
            reason: string;
        };
        RequestEvidenceDto: {
            /**
             * @description The decision clock pauses until it is provided
             * @example Morbidity and mortality meeting minutes for 2019
             */
            description: string;
        };
        ProvideEvidenceDto: {
            /**
             * @description References into the document store; no documents or patient data in events
             * @example [
             *       "DMS:2020/IR/mm-minutes-2019.pdf"
             *     ]
             */
            documentReferences: string[];
        };
        JudgeCriterionDto: {
            /** @example true */
            met: boolean;
            /** @example Rota and certificates checked */
            note: string;
        };
        RaiseFindingDto: {
            /**
             * @description major: corrective action due and verified before any grant; minor: may close on an accepted plan; observation: no response needed
             * @example major
             * @enum {string}
             */
            grade: "major" | "minor" | "observation";
            /** @example 10c */
            criterionId: string;
            /** @example No documented complication register */
            description: string;
        };
        CompleteAuditDto: {
            /**
             * @description A pass needs every core criterion met and no open major finding (a domain rule)
             * @example pass
             * @enum {string}
             */
            recommendation: "pass" | "fail";
            /** @example All core criteria met */
            reason: string;
        };
        SubmitCorrectiveActionDto: {
            /** @example Complication register introduced in the RIS from 1 March; reviewed monthly at the M&M meeting */
            plan: string;
        };
        AcceptCorrectiveActionDto: Record<string, never>;
        CloseFindingDto: Record<string, never>;
        GrantAccreditationDto: Record<string, never>;
        AwardExcellenceSealDto: Record<string, never>;
        RefuseAccreditationDto: {
            /**
             * @description The areas to amend
             * @example [
             *       "Core criterion 10c not met: no complication register"
             *     ]
             */
            reasons: string[];
        };
        SuspendAccreditationDto: {
            /**
             * @example unpaid_fees
             * @enum {string}
             */
            reason: "persistent_nonconformity" | "unpaid_fees" | "seal_misuse" | "voluntary";
            /** @example Annual fee 2022 unpaid after two reminders */
            note: string;
            /**
             * Format: date-time
             * @description End of the suspension; at most the scheme's limit (default 6 months, a domain rule). Defaults to the limit
             * @example 2022-09-30T00:00:00.000Z
             */
            suspendedUntil?: string;
        };
        ReinstateAccreditationDto: Record<string, never>;
        WithdrawAccreditationDto: {
            /** @example Suspension limit reached without remedy */
            reason: string;
        };
        RelinquishAccreditationDto: {
            /** @example The IO service moves to another hospital */
            reason: string;
        };
        LodgeAppealDto: {
            /**
             * @description The decision appealed against, within the scheme's window (default 30 days, a domain rule)
             * @example refusal
             * @enum {string}
             */
            against: "refusal" | "suspension" | "withdrawal";
            /** @example Criterion 10c was met: the register exists since 2018 (see attached minutes) */
            grounds: string;
        };
        DecideAppealDto: {
            /**
             * @example dismissed
             * @enum {string}
             */
            outcome: "upheld" | "dismissed";
            /** @example The register was introduced after the audit */
            reason: string;
        };
        RecordCorrectionDto: {
            /**
             * Format: uuid
             * @description Id of the event being corrected (it stays in the stream, unchanged)
             */
            correctsEventId: string;
            /** @example Fee reference was mistyped: the paid fee is FEE-2020-0043 */
            description: string;
        };
        RegisterAuditorDto: {
            /**
             * @description Chosen by the office; also the auditor's token subject. Becomes the stream auditor-<auditorId>
             * @example auditor-jdupont
             */
            auditorId: string;
            /**
             * @description ISO 3166-1 alpha-2
             * @example DE
             */
            country: string;
            /**
             * @description Fields of expertise (no personal data)
             * @example [
             *       "liver-ablation",
             *       "tace"
             *     ]
             */
            specialties: string[];
        };
        DeclareConflictDto: {
            /**
             * @description The centre the auditor has a conflict of interest with
             * @example hus-strasbourg
             */
            centreId: string;
            /** @example Trained at the centre until 2019 */
            description: string;
        };
        RecordConsultationDto: {
            /**
             * @description The centre the auditor consulted for
             * @example hus-strasbourg
             */
            centreId: string;
            /** @example Helped prepare the 2019 self-assessment */
            description: string;
        };
        DeclareInterestsDto: {
            /**
             * @description The declaration of interests on file (it may say "none"); no personal data
             * @example No financial or professional interests in any IASIOS centre
             */
            statement: string;
        };
        PersonInterestDto: {
            /**
             * @description The centre the interest concerns
             * @example hus-strasbourg
             */
            centreId: string;
            /** @example Former head of interventional radiology there */
            description: string;
        };
        SignInOptionsDto: {
            /** @description True only with the development secret (no JWT_SECRET and no JWKS_URL): POST /sign-in/development-token works */
            developmentTokens: boolean;
            roles: ("office" | "auditor" | "committee" | "centre" | "compliance" | "reporting")[];
        };
        DevelopmentTokenDto: {
            /**
             * @example office
             * @enum {string}
             */
            role: "office" | "auditor" | "committee" | "centre" | "compliance" | "reporting";
            /**
             * @description The person's id (the token's subject)
             * @example office-olivia
             */
            sub: string;
            /**
             * @description For the centre role: the one centre the representative acts for
             * @example hus-strasbourg
             */
            centre?: string;
        };
        DevelopmentTokenResponseDto: {
            token: string;
            /** @example 2026-01-01T08:00:00.000Z */
            expiresAt: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    HealthController_live: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    HealthController_ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CentreQueriesController_list: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                country?: string;
                city?: string;
                status?: "registered" | "enrolled" | "enrolment_lapsed" | "application_submitted" | "under_audit" | "audit_passed" | "audit_failed" | "accredited" | "excellence" | "suspended" | "withdrawn" | "relinquished" | "expired";
                seal?: "enrolled" | "accredited" | "excellence";
                /** @description Part of the name */
                q?: string;
                sort?: "name" | "validUntil" | "registeredAt";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CentreRegistrationController_register: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag (stream revision) last seen; a stale one gives 412 */
                "If-Match"?: string;
                /** @description Same key, same request: appended once, same response */
                "Idempotency-Key"?: string;
                /** @description Echoed back and recorded in every event */
                "X-Correlation-Id"?: string;
                /** @description Historical import only (token scope `import`, office): when it happened in the world; without the scope 403 ImportCapabilityRequired */
                "X-Occurred-At"?: string;
                /** @description Historical import only: `<role>:<id>` of the person who really acted (checked against this endpoint's roles and every rule); the clerk is recorded as metadata.recordedBy */
                "X-On-Behalf-Of"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterCentreDto"];
            };
        };
        responses: {
            /** @description Centre registered */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandOutcomeDto"];
                };
            };
            /** @description Invalid fields or headers */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Role not allowed (on an import: the X-On-Behalf-Of role), another centre, or X-Occurred-At without the import scope (rule ImportCapabilityRequired) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unknown centre or auditor */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Concurrent writers kept winning; retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description If-Match is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description A business rule is broken; `rule` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    CentreRegistrationController_attestSignOff: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag (stream revision) last seen; a stale one gives 412 */
                "If-Match"?: string;
                /** @description Same key, same request: appended once, same response */
                "Idempotency-Key"?: string;
                /** @description Echoed back and recorded in every event */
                "X-Correlation-Id"?: string;
                /** @description Historical import only (token scope `import`, office): when it happened in the world; without the scope 403 ImportCapabilityRequired */
                "X-Occurred-At"?: string;
                /** @description Historical import only: `<role>:<id>` of the person who really acted (checked against this endpoint's roles and every rule); the clerk is recorded as metadata.recordedBy */
                "X-On-Behalf-Of"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AttestSignOffDto"];
            };
        };
        responses: {
            /** @description Sign-off attested */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandOutcomeDto"];
                };
            };
            /** @description Invalid fields or headers */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Role not allowed (on an import: the X-On-Behalf-Of role), another centre, or X-Occurred-At without the import scope (rule ImportCapabilityRequired) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unknown centre or auditor */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Concurrent writers kept winning; retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description If-Match is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description A business rule is broken; `rule` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    CentreRegistrationController_updateProcedureVolume: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag (stream revision) last seen; a stale one gives 412 */
                "If-Match"?: string;
                /** @description Same key, same request: appended once, same response */
                "Idempotency-Key"?: string;
                /** @description Echoed back and recorded in every event */
                "X-Correlation-Id"?: string;
                /** @description Historical import only (token scope `import`, office): when it happened in the world; without the scope 403 ImportCapabilityRequired */
                "X-Occurred-At"?: string;
                /** @description Historical import only: `<role>:<id>` of the person who really acted (checked against this endpoint's roles and every rule); the clerk is recorded as metadata.recordedBy */
                "X-On-Behalf-Of"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateProcedureVolumeDto"];
            };
        };
        responses: {
            /** @description Procedure volume updated */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandOutcomeDto"];
                };
            };
            /** @description Invalid fields or headers */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Role not allowed (on an import: the X-On-Behalf-Of role), another centre, or X-Occurred-At without the import scope (rule ImportCapabilityRequired) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unknown centre or auditor */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Concurrent writers kept winning; retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description If-Match is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description A business rule is broken; `rule` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    CentreRegistrationController_enrol: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag (stream revision) last seen; a stale one gives 412 */
                "If-Match"?: string;
                /** @description Same key, same request: appended once, same response */
                "Idempotency-Key"?: string;
                /** @description Echoed back and recorded in every event */
                "X-Correlation-Id"?: string;
                /** @description Historical import only (token scope `import`, office): when it happened in the world; without the scope 403 ImportCapabilityRequired */
                "X-Occurred-At"?: string;
                /** @description Historical import only: `<role>:<id>` of the person who really acted (checked against this endpoint's roles and every rule); the clerk is recorded as metadata.recordedBy */
                "X-On-Behalf-Of"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EnrolCentreDto"];
            };
        };
        responses: {
            /** @description Centre enrolled */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandOutcomeDto"];
                };
            };
            /** @description Invalid fields or headers */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Role not allowed (on an import: the X-On-Behalf-Of role), another centre, or X-Occurred-At without the import scope (rule ImportCapabilityRequired) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unknown centre or auditor */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Concurrent writers kept winning; retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description If-Match is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description A business rule is broken; `rule` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    CentreRegistrationController_renewEnrolment: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag (stream revision) last seen; a stale one gives 412 */
                "If-Match"?: string;
                /** @description Same key, same request: appended once, same response */
                "Idempotency-Key"?: string;
                /** @description Echoed back and recorded in every event */
                "X-Correlation-Id"?: string;
                /** @description Historical import only (token scope `import`, office): when it happened in the world; without the scope 403 ImportCapabilityRequired */
                "X-Occurred-At"?: string;
                /** @description Historical import only: `<role>:<id>` of the person who really acted (checked against this endpoint's roles and every rule); the clerk is recorded as metadata.recordedBy */
                "X-On-Behalf-Of"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RenewEnrolmentDto"];
            };
        };
        responses: {
            /** @description Enrolment renewed */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandOutcomeDto"];
                };
            };
            /** @description Invalid fields or headers */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Role not allowed (on an import: the X-On-Behalf-Of role), another centre, or X-Occurred-At without the import scope (rule ImportCapabilityRequired) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unknown centre or auditor */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Concurrent writers kept winning; retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description If-Match is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description A business rule is broken; `rule` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    CentreApplicationController_submit: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag (stream revision) last seen; a stale one gives 412 */
                "If-Match"?: string;
                /** @description Same key, same request: appended once, same response */
                "Idempotency-Key"?: string;
                /** @description Echoed back and recorded in every event */
                "X-Correlation-Id"?: string;
                /** @description Historical import only (token scope `import`, office): when it happened in the world; without the scope 403 ImportCapabilityRequired */
                "X-Occurred-At"?: string;
                /** @description Historical import only: `<role>:<id>` of the person who really acted (checked against this endpoint's roles and every rule); the clerk is recorded as metadata.recordedBy */
                "X-On-Behalf-Of"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SubmitApplicationDto"];
            };
        };
        responses: {
            /** @description Application submitted */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandOutcomeDto"];
                };
            };
            /** @description Invalid fields or headers */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Role not allowed (on an import: the X-On-Behalf-Of role), another centre, or X-Occurred-At without the import scope (rule ImportCapabilityRequired) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unknown centre or auditor */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Concurrent writers kept winning; retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description If-Match is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description A business rule is broken; `rule` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AuditPlanningController_open: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag (stream revision) last seen; a stale one gives 412 */
                "If-Match"?: string;
                /** @description Same key, same request: appended once, same response */
                "Idempotency-Key"?: string;
                /** @description Echoed back and recorded in every event */
                "X-Correlation-Id"?: string;
                /** @description Historical import only (token scope `import`, office): when it happened in the world; without the scope 403 ImportCapabilityRequired */
                "X-Occurred-At"?: string;
                /** @description Historical import only: `<role>:<id>` of the person who really acted (checked against this endpoint's roles and every rule); the clerk is recorded as metadata.recordedBy */
                "X-On-Behalf-Of"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OpenAuditDto"];
            };
        };
        responses: {
            /** @description Audit opened */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandOutcomeDto"];
                };
            };
            /** @description Invalid fields or headers */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Role not allowed (on an import: the X-On-Behalf-Of role), another centre, or X-Occurred-At without the import scope (rule ImportCapabilityRequired) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unknown centre or auditor */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Concurrent writers kept winning; retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description If-Match is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description A business rule is broken; `rule` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AuditPlanningController_appoint: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag (stream revision) last seen; a stale one gives 412 */
                "If-Match"?: string;
                /** @description Same key, same request: appended once, same response */
                "Idempotency-Key"?: string;
                /** @description Echoed back and recorded in every event */
                "X-Correlation-Id"?: string;
                /** @description Historical import only (token scope `import`, office): when it happened in the world; without the scope 403 ImportCapabilityRequired */
                "X-Occurred-At"?: string;
                /** @description Historical import only: `<role>:<id>` of the person who really acted (checked against this endpoint's roles and every rule); the clerk is recorded as metadata.recordedBy */
                "X-On-Behalf-Of"?: string;
            };
            path: {
                id: string;
                auditId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AppointAuditorDto"];
            };
        };
        responses: {
            /** @description Auditor appointed */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandOutcomeDto"];
                };
            };
            /** @description Invalid fields or headers */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Role not allowed (on an import: the X-On-Behalf-Of role), another centre, or X-Occurred-At without the import scope (rule ImportCapabilityRequired) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unknown centre or auditor */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Concurrent writers kept winning; retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description If-Match is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description A business rule is broken; `rule` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AuditPlanningController_recuse: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag (stream revision) last seen; a stale one gives 412 */
                "If-Match"?: string;
                /** @description Same key, same request: appended once, same response */
                "Idempotency-Key"?: string;
                /** @description Echoed back and recorded in every event */
                "X-Correlation-Id"?: string;
                /** @description Historical import only (token scope `import`, office): when it happened in the world; without the scope 403 ImportCapabilityRequired */
                "X-Occurred-At"?: string;
                /** @description Historical import only: `<role>:<id>` of the person who really acted (checked against this endpoint's roles and every rule); the clerk is recorded as metadata.recordedBy */
                "X-On-Behalf-Of"?: string;
            };
            path: {
                id: string;
                auditId: string;
                auditorId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecuseAuditorDto"];
            };
        };
        responses: {
            /** @description Auditor recused */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandOutcomeDto"];
                };
            };
            /** @description Invalid fields or headers */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Role not allowed (on an import: the X-On-Behalf-Of role), another centre, or X-Occurred-At without the import scope (rule ImportCapabilityRequired) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unknown centre or auditor */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Concurrent writers kept winning; retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description If-Match is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description A business rule is broken; `rule` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AuditPlanningController_object: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag (stream revision) last seen; a stale one gives 412 */
                "If-Match"?: string;
                /** @description Same key, same request: appended once, same response */
                "Idempotency-Key"?: string;
                /** @description Echoed back and recorded in every event */
                "X-Correlation-Id"?: string;
                /** @description Historical import only (token scope `import`, office): when it happened in the world; without the scope 403 ImportCapabilityRequired */
                "X-Occurred-At"?: string;
                /** @description Historical import only: `<role>:<id>` of the person who really acted (checked against this endpoint's roles and every rule); the clerk is recorded as metadata.recordedBy */
                "X-On-Behalf-Of"?: string;
            };
            path: {
                id: string;
                auditId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ObjectToAuditorDto"];
            };
        };
        responses: {
            /** @description Objection raised */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandOutcomeDto"];
                };
            };
            /** @description Invalid fields or headers */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Role not allowed (on an import: the X-On-Behalf-Of role), another centre, or X-Occurred-At without the import scope (rule ImportCapabilityRequired) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unknown centre or auditor */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Concurrent writers kept winning; retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description If-Match is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description A business rule is broken; `rule` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AuditPlanningController_decideObjection: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag (stream revision) last seen; a stale one gives 412 */
                "If-Match"?: string;
                /** @description Same key, same request: appended once, same response */
                "Idempotency-Key"?: string;
                /** @description Echoed back and recorded in every event */
                "X-Correlation-Id"?: string;
                /** @description Historical import only (token scope `import`, office): when it happened in the world; without the scope 403 ImportCapabilityRequired */
                "X-Occurred-At"?: string;
                /** @description Historical import only: `<role>:<id>` of the person who really acted (checked against this endpoint's roles and every rule); the clerk is recorded as metadata.recordedBy */
                "X-On-Behalf-Of"?: string;
            };
            path: {
                id: string;
                auditId: string;
                auditorId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DecideAuditorObjectionDto"];
            };
        };
        responses: {
            /** @description Objection decided */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandOutcomeDto"];
                };
            };
            /** @description Invalid fields or headers */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Role not allowed (on an import: the X-On-Behalf-Of role), another centre, or X-Occurred-At without the import scope (rule ImportCapabilityRequired) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unknown centre or auditor */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Concurrent writers kept winning; retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description If-Match is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description A business rule is broken; `rule` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AuditAssessmentController_requestEvidence: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag (stream revision) last seen; a stale one gives 412 */
                "If-Match"?: string;
                /** @description Same key, same request: appended once, same response */
                "Idempotency-Key"?: string;
                /** @description Echoed back and recorded in every event */
                "X-Correlation-Id"?: string;
                /** @description Historical import only (token scope `import`, office): when it happened in the world; without the scope 403 ImportCapabilityRequired */
                "X-Occurred-At"?: string;
                /** @description Historical import only: `<role>:<id>` of the person who really acted (checked against this endpoint's roles and every rule); the clerk is recorded as metadata.recordedBy */
                "X-On-Behalf-Of"?: string;
            };
            path: {
                id: string;
                auditId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RequestEvidenceDto"];
            };
        };
        responses: {
            /** @description Evidence requested */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandOutcomeDto"];
                };
            };
            /** @description Invalid fields or headers */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Role not allowed (on an import: the X-On-Behalf-Of role), another centre, or X-Occurred-At without the import scope (rule ImportCapabilityRequired) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unknown centre or auditor */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Concurrent writers kept winning; retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description If-Match is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description A business rule is broken; `rule` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AuditAssessmentController_provideEvidence: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag (stream revision) last seen; a stale one gives 412 */
                "If-Match"?: string;
                /** @description Same key, same request: appended once, same response */
                "Idempotency-Key"?: string;
                /** @description Echoed back and recorded in every event */
                "X-Correlation-Id"?: string;
                /** @description Historical import only (token scope `import`, office): when it happened in the world; without the scope 403 ImportCapabilityRequired */
                "X-Occurred-At"?: string;
                /** @description Historical import only: `<role>:<id>` of the person who really acted (checked against this endpoint's roles and every rule); the clerk is recorded as metadata.recordedBy */
                "X-On-Behalf-Of"?: string;
            };
            path: {
                id: string;
                auditId: string;
                requestId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProvideEvidenceDto"];
            };
        };
        responses: {
            /** @description Evidence provided */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandOutcomeDto"];
                };
            };
            /** @description Invalid fields or headers */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Role not allowed (on an import: the X-On-Behalf-Of role), another centre, or X-Occurred-At without the import scope (rule ImportCapabilityRequired) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unknown centre or auditor */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Concurrent writers kept winning; retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description If-Match is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description A business rule is broken; `rule` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AuditAssessmentController_judgeCriterion: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag (stream revision) last seen; a stale one gives 412 */
                "If-Match"?: string;
                /** @description Same key, same request: appended once, same response */
                "Idempotency-Key"?: string;
                /** @description Echoed back and recorded in every event */
                "X-Correlation-Id"?: string;
                /** @description Historical import only (token scope `import`, office): when it happened in the world; without the scope 403 ImportCapabilityRequired */
                "X-Occurred-At"?: string;
                /** @description Historical import only: `<role>:<id>` of the person who really acted (checked against this endpoint's roles and every rule); the clerk is recorded as metadata.recordedBy */
                "X-On-Behalf-Of"?: string;
            };
            path: {
                id: string;
                auditId: string;
                criterionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["JudgeCriterionDto"];
            };
        };
        responses: {
            /** @description Criterion judged */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandOutcomeDto"];
                };
            };
            /** @description Invalid fields or headers */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Role not allowed (on an import: the X-On-Behalf-Of role), another centre, or X-Occurred-At without the import scope (rule ImportCapabilityRequired) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unknown centre or auditor */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Concurrent writers kept winning; retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description If-Match is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description A business rule is broken; `rule` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AuditAssessmentController_raiseFinding: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag (stream revision) last seen; a stale one gives 412 */
                "If-Match"?: string;
                /** @description Same key, same request: appended once, same response */
                "Idempotency-Key"?: string;
                /** @description Echoed back and recorded in every event */
                "X-Correlation-Id"?: string;
                /** @description Historical import only (token scope `import`, office): when it happened in the world; without the scope 403 ImportCapabilityRequired */
                "X-Occurred-At"?: string;
                /** @description Historical import only: `<role>:<id>` of the person who really acted (checked against this endpoint's roles and every rule); the clerk is recorded as metadata.recordedBy */
                "X-On-Behalf-Of"?: string;
            };
            path: {
                id: string;
                auditId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RaiseFindingDto"];
            };
        };
        responses: {
            /** @description Finding raised */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandOutcomeDto"];
                };
            };
            /** @description Invalid fields or headers */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Role not allowed (on an import: the X-On-Behalf-Of role), another centre, or X-Occurred-At without the import scope (rule ImportCapabilityRequired) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unknown centre or auditor */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Concurrent writers kept winning; retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description If-Match is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description A business rule is broken; `rule` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AuditAssessmentController_complete: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag (stream revision) last seen; a stale one gives 412 */
                "If-Match"?: string;
                /** @description Same key, same request: appended once, same response */
                "Idempotency-Key"?: string;
                /** @description Echoed back and recorded in every event */
                "X-Correlation-Id"?: string;
                /** @description Historical import only (token scope `import`, office): when it happened in the world; without the scope 403 ImportCapabilityRequired */
                "X-Occurred-At"?: string;
                /** @description Historical import only: `<role>:<id>` of the person who really acted (checked against this endpoint's roles and every rule); the clerk is recorded as metadata.recordedBy */
                "X-On-Behalf-Of"?: string;
            };
            path: {
                id: string;
                auditId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CompleteAuditDto"];
            };
        };
        responses: {
            /** @description Audit completed */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandOutcomeDto"];
                };
            };
            /** @description Invalid fields or headers */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Role not allowed (on an import: the X-On-Behalf-Of role), another centre, or X-Occurred-At without the import scope (rule ImportCapabilityRequired) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unknown centre or auditor */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Concurrent writers kept winning; retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description If-Match is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description A business rule is broken; `rule` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    FindingController_submitCorrectiveAction: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag (stream revision) last seen; a stale one gives 412 */
                "If-Match"?: string;
                /** @description Same key, same request: appended once, same response */
                "Idempotency-Key"?: string;
                /** @description Echoed back and recorded in every event */
                "X-Correlation-Id"?: string;
                /** @description Historical import only (token scope `import`, office): when it happened in the world; without the scope 403 ImportCapabilityRequired */
                "X-Occurred-At"?: string;
                /** @description Historical import only: `<role>:<id>` of the person who really acted (checked against this endpoint's roles and every rule); the clerk is recorded as metadata.recordedBy */
                "X-On-Behalf-Of"?: string;
            };
            path: {
                id: string;
                findingId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SubmitCorrectiveActionDto"];
            };
        };
        responses: {
            /** @description Corrective action submitted */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandOutcomeDto"];
                };
            };
            /** @description Invalid fields or headers */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Role not allowed (on an import: the X-On-Behalf-Of role), another centre, or X-Occurred-At without the import scope (rule ImportCapabilityRequired) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unknown centre or auditor */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Concurrent writers kept winning; retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description If-Match is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description A business rule is broken; `rule` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    FindingController_acceptCorrectiveAction: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag (stream revision) last seen; a stale one gives 412 */
                "If-Match"?: string;
                /** @description Same key, same request: appended once, same response */
                "Idempotency-Key"?: string;
                /** @description Echoed back and recorded in every event */
                "X-Correlation-Id"?: string;
                /** @description Historical import only (token scope `import`, office): when it happened in the world; without the scope 403 ImportCapabilityRequired */
                "X-Occurred-At"?: string;
                /** @description Historical import only: `<role>:<id>` of the person who really acted (checked against this endpoint's roles and every rule); the clerk is recorded as metadata.recordedBy */
                "X-On-Behalf-Of"?: string;
            };
            path: {
                id: string;
                findingId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AcceptCorrectiveActionDto"];
            };
        };
        responses: {
            /** @description Corrective action accepted */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandOutcomeDto"];
                };
            };
            /** @description Invalid fields or headers */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Role not allowed (on an import: the X-On-Behalf-Of role), another centre, or X-Occurred-At without the import scope (rule ImportCapabilityRequired) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unknown centre or auditor */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Concurrent writers kept winning; retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description If-Match is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description A business rule is broken; `rule` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    FindingController_close: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag (stream revision) last seen; a stale one gives 412 */
                "If-Match"?: string;
                /** @description Same key, same request: appended once, same response */
                "Idempotency-Key"?: string;
                /** @description Echoed back and recorded in every event */
                "X-Correlation-Id"?: string;
                /** @description Historical import only (token scope `import`, office): when it happened in the world; without the scope 403 ImportCapabilityRequired */
                "X-Occurred-At"?: string;
                /** @description Historical import only: `<role>:<id>` of the person who really acted (checked against this endpoint's roles and every rule); the clerk is recorded as metadata.recordedBy */
                "X-On-Behalf-Of"?: string;
            };
            path: {
                id: string;
                findingId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CloseFindingDto"];
            };
        };
        responses: {
            /** @description Finding closed */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandOutcomeDto"];
                };
            };
            /** @description Invalid fields or headers */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Role not allowed (on an import: the X-On-Behalf-Of role), another centre, or X-Occurred-At without the import scope (rule ImportCapabilityRequired) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unknown centre or auditor */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Concurrent writers kept winning; retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description If-Match is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description A business rule is broken; `rule` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AccreditationDecisionController_grant: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag (stream revision) last seen; a stale one gives 412 */
                "If-Match"?: string;
                /** @description Same key, same request: appended once, same response */
                "Idempotency-Key"?: string;
                /** @description Echoed back and recorded in every event */
                "X-Correlation-Id"?: string;
                /** @description Historical import only (token scope `import`, office): when it happened in the world; without the scope 403 ImportCapabilityRequired */
                "X-Occurred-At"?: string;
                /** @description Historical import only: `<role>:<id>` of the person who really acted (checked against this endpoint's roles and every rule); the clerk is recorded as metadata.recordedBy */
                "X-On-Behalf-Of"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GrantAccreditationDto"];
            };
        };
        responses: {
            /** @description Accreditation granted */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandOutcomeDto"];
                };
            };
            /** @description Invalid fields or headers */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Role not allowed (on an import: the X-On-Behalf-Of role), another centre, or X-Occurred-At without the import scope (rule ImportCapabilityRequired) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unknown centre or auditor */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Concurrent writers kept winning; retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description If-Match is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description A business rule is broken; `rule` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AccreditationDecisionController_awardExcellenceSeal: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag (stream revision) last seen; a stale one gives 412 */
                "If-Match"?: string;
                /** @description Same key, same request: appended once, same response */
                "Idempotency-Key"?: string;
                /** @description Echoed back and recorded in every event */
                "X-Correlation-Id"?: string;
                /** @description Historical import only (token scope `import`, office): when it happened in the world; without the scope 403 ImportCapabilityRequired */
                "X-Occurred-At"?: string;
                /** @description Historical import only: `<role>:<id>` of the person who really acted (checked against this endpoint's roles and every rule); the clerk is recorded as metadata.recordedBy */
                "X-On-Behalf-Of"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AwardExcellenceSealDto"];
            };
        };
        responses: {
            /** @description Excellence seal awarded */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandOutcomeDto"];
                };
            };
            /** @description Invalid fields or headers */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Role not allowed (on an import: the X-On-Behalf-Of role), another centre, or X-Occurred-At without the import scope (rule ImportCapabilityRequired) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unknown centre or auditor */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Concurrent writers kept winning; retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description If-Match is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description A business rule is broken; `rule` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AccreditationDecisionController_refuse: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag (stream revision) last seen; a stale one gives 412 */
                "If-Match"?: string;
                /** @description Same key, same request: appended once, same response */
                "Idempotency-Key"?: string;
                /** @description Echoed back and recorded in every event */
                "X-Correlation-Id"?: string;
                /** @description Historical import only (token scope `import`, office): when it happened in the world; without the scope 403 ImportCapabilityRequired */
                "X-Occurred-At"?: string;
                /** @description Historical import only: `<role>:<id>` of the person who really acted (checked against this endpoint's roles and every rule); the clerk is recorded as metadata.recordedBy */
                "X-On-Behalf-Of"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefuseAccreditationDto"];
            };
        };
        responses: {
            /** @description Accreditation refused */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandOutcomeDto"];
                };
            };
            /** @description Invalid fields or headers */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Role not allowed (on an import: the X-On-Behalf-Of role), another centre, or X-Occurred-At without the import scope (rule ImportCapabilityRequired) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unknown centre or auditor */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Concurrent writers kept winning; retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description If-Match is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description A business rule is broken; `rule` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AccreditationStatusController_suspend: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag (stream revision) last seen; a stale one gives 412 */
                "If-Match"?: string;
                /** @description Same key, same request: appended once, same response */
                "Idempotency-Key"?: string;
                /** @description Echoed back and recorded in every event */
                "X-Correlation-Id"?: string;
                /** @description Historical import only (token scope `import`, office): when it happened in the world; without the scope 403 ImportCapabilityRequired */
                "X-Occurred-At"?: string;
                /** @description Historical import only: `<role>:<id>` of the person who really acted (checked against this endpoint's roles and every rule); the clerk is recorded as metadata.recordedBy */
                "X-On-Behalf-Of"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SuspendAccreditationDto"];
            };
        };
        responses: {
            /** @description Accreditation suspended */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandOutcomeDto"];
                };
            };
            /** @description Invalid fields or headers */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Role not allowed (on an import: the X-On-Behalf-Of role), another centre, or X-Occurred-At without the import scope (rule ImportCapabilityRequired) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unknown centre or auditor */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Concurrent writers kept winning; retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description If-Match is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description A business rule is broken; `rule` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AccreditationStatusController_reinstate: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag (stream revision) last seen; a stale one gives 412 */
                "If-Match"?: string;
                /** @description Same key, same request: appended once, same response */
                "Idempotency-Key"?: string;
                /** @description Echoed back and recorded in every event */
                "X-Correlation-Id"?: string;
                /** @description Historical import only (token scope `import`, office): when it happened in the world; without the scope 403 ImportCapabilityRequired */
                "X-Occurred-At"?: string;
                /** @description Historical import only: `<role>:<id>` of the person who really acted (checked against this endpoint's roles and every rule); the clerk is recorded as metadata.recordedBy */
                "X-On-Behalf-Of"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReinstateAccreditationDto"];
            };
        };
        responses: {
            /** @description Accreditation reinstated */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandOutcomeDto"];
                };
            };
            /** @description Invalid fields or headers */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Role not allowed (on an import: the X-On-Behalf-Of role), another centre, or X-Occurred-At without the import scope (rule ImportCapabilityRequired) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unknown centre or auditor */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Concurrent writers kept winning; retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description If-Match is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description A business rule is broken; `rule` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AccreditationStatusController_withdraw: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag (stream revision) last seen; a stale one gives 412 */
                "If-Match"?: string;
                /** @description Same key, same request: appended once, same response */
                "Idempotency-Key"?: string;
                /** @description Echoed back and recorded in every event */
                "X-Correlation-Id"?: string;
                /** @description Historical import only (token scope `import`, office): when it happened in the world; without the scope 403 ImportCapabilityRequired */
                "X-Occurred-At"?: string;
                /** @description Historical import only: `<role>:<id>` of the person who really acted (checked against this endpoint's roles and every rule); the clerk is recorded as metadata.recordedBy */
                "X-On-Behalf-Of"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WithdrawAccreditationDto"];
            };
        };
        responses: {
            /** @description Accreditation withdrawn */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandOutcomeDto"];
                };
            };
            /** @description Invalid fields or headers */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Role not allowed (on an import: the X-On-Behalf-Of role), another centre, or X-Occurred-At without the import scope (rule ImportCapabilityRequired) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unknown centre or auditor */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Concurrent writers kept winning; retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description If-Match is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description A business rule is broken; `rule` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AccreditationStatusController_relinquish: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag (stream revision) last seen; a stale one gives 412 */
                "If-Match"?: string;
                /** @description Same key, same request: appended once, same response */
                "Idempotency-Key"?: string;
                /** @description Echoed back and recorded in every event */
                "X-Correlation-Id"?: string;
                /** @description Historical import only (token scope `import`, office): when it happened in the world; without the scope 403 ImportCapabilityRequired */
                "X-Occurred-At"?: string;
                /** @description Historical import only: `<role>:<id>` of the person who really acted (checked against this endpoint's roles and every rule); the clerk is recorded as metadata.recordedBy */
                "X-On-Behalf-Of"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RelinquishAccreditationDto"];
            };
        };
        responses: {
            /** @description Accreditation relinquished */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandOutcomeDto"];
                };
            };
            /** @description Invalid fields or headers */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Role not allowed (on an import: the X-On-Behalf-Of role), another centre, or X-Occurred-At without the import scope (rule ImportCapabilityRequired) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unknown centre or auditor */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Concurrent writers kept winning; retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description If-Match is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description A business rule is broken; `rule` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AppealController_lodge: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag (stream revision) last seen; a stale one gives 412 */
                "If-Match"?: string;
                /** @description Same key, same request: appended once, same response */
                "Idempotency-Key"?: string;
                /** @description Echoed back and recorded in every event */
                "X-Correlation-Id"?: string;
                /** @description Historical import only (token scope `import`, office): when it happened in the world; without the scope 403 ImportCapabilityRequired */
                "X-Occurred-At"?: string;
                /** @description Historical import only: `<role>:<id>` of the person who really acted (checked against this endpoint's roles and every rule); the clerk is recorded as metadata.recordedBy */
                "X-On-Behalf-Of"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LodgeAppealDto"];
            };
        };
        responses: {
            /** @description Appeal lodged */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandOutcomeDto"];
                };
            };
            /** @description Invalid fields or headers */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Role not allowed (on an import: the X-On-Behalf-Of role), another centre, or X-Occurred-At without the import scope (rule ImportCapabilityRequired) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unknown centre or auditor */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Concurrent writers kept winning; retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description If-Match is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description A business rule is broken; `rule` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AppealController_decide: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag (stream revision) last seen; a stale one gives 412 */
                "If-Match"?: string;
                /** @description Same key, same request: appended once, same response */
                "Idempotency-Key"?: string;
                /** @description Echoed back and recorded in every event */
                "X-Correlation-Id"?: string;
                /** @description Historical import only (token scope `import`, office): when it happened in the world; without the scope 403 ImportCapabilityRequired */
                "X-Occurred-At"?: string;
                /** @description Historical import only: `<role>:<id>` of the person who really acted (checked against this endpoint's roles and every rule); the clerk is recorded as metadata.recordedBy */
                "X-On-Behalf-Of"?: string;
            };
            path: {
                id: string;
                appealId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DecideAppealDto"];
            };
        };
        responses: {
            /** @description Appeal decided */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandOutcomeDto"];
                };
            };
            /** @description Invalid fields or headers */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Role not allowed (on an import: the X-On-Behalf-Of role), another centre, or X-Occurred-At without the import scope (rule ImportCapabilityRequired) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unknown centre or auditor */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Concurrent writers kept winning; retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description If-Match is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description A business rule is broken; `rule` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    CentreRecordsController_correct: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag (stream revision) last seen; a stale one gives 412 */
                "If-Match"?: string;
                /** @description Same key, same request: appended once, same response */
                "Idempotency-Key"?: string;
                /** @description Echoed back and recorded in every event */
                "X-Correlation-Id"?: string;
                /** @description Historical import only (token scope `import`, office): when it happened in the world; without the scope 403 ImportCapabilityRequired */
                "X-Occurred-At"?: string;
                /** @description Historical import only: `<role>:<id>` of the person who really acted (checked against this endpoint's roles and every rule); the clerk is recorded as metadata.recordedBy */
                "X-On-Behalf-Of"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordCorrectionDto"];
            };
        };
        responses: {
            /** @description Correction recorded */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandOutcomeDto"];
                };
            };
            /** @description Invalid fields or headers */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Role not allowed (on an import: the X-On-Behalf-Of role), another centre, or X-Occurred-At without the import scope (rule ImportCapabilityRequired) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unknown centre or auditor */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Concurrent writers kept winning; retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description If-Match is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description A business rule is broken; `rule` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    OversightQueriesController_auditors: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                country?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuditorController_register: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag (stream revision) last seen; a stale one gives 412 */
                "If-Match"?: string;
                /** @description Same key, same request: appended once, same response */
                "Idempotency-Key"?: string;
                /** @description Echoed back and recorded in every event */
                "X-Correlation-Id"?: string;
                /** @description Historical import only (token scope `import`, office): when it happened in the world; without the scope 403 ImportCapabilityRequired */
                "X-Occurred-At"?: string;
                /** @description Historical import only: `<role>:<id>` of the person who really acted (checked against this endpoint's roles and every rule); the clerk is recorded as metadata.recordedBy */
                "X-On-Behalf-Of"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterAuditorDto"];
            };
        };
        responses: {
            /** @description Auditor registered */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandOutcomeDto"];
                };
            };
            /** @description Invalid fields or headers */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Role not allowed (on an import: the X-On-Behalf-Of role), another centre, or X-Occurred-At without the import scope (rule ImportCapabilityRequired) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unknown centre or auditor */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Concurrent writers kept winning; retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description If-Match is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description A business rule is broken; `rule` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AuditorController_declareConflict: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag (stream revision) last seen; a stale one gives 412 */
                "If-Match"?: string;
                /** @description Same key, same request: appended once, same response */
                "Idempotency-Key"?: string;
                /** @description Echoed back and recorded in every event */
                "X-Correlation-Id"?: string;
                /** @description Historical import only (token scope `import`, office): when it happened in the world; without the scope 403 ImportCapabilityRequired */
                "X-Occurred-At"?: string;
                /** @description Historical import only: `<role>:<id>` of the person who really acted (checked against this endpoint's roles and every rule); the clerk is recorded as metadata.recordedBy */
                "X-On-Behalf-Of"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeclareConflictDto"];
            };
        };
        responses: {
            /** @description Conflict declared */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandOutcomeDto"];
                };
            };
            /** @description Invalid fields or headers */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Role not allowed (on an import: the X-On-Behalf-Of role), another centre, or X-Occurred-At without the import scope (rule ImportCapabilityRequired) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unknown centre or auditor */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Concurrent writers kept winning; retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description If-Match is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description A business rule is broken; `rule` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AuditorController_recordConsultation: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag (stream revision) last seen; a stale one gives 412 */
                "If-Match"?: string;
                /** @description Same key, same request: appended once, same response */
                "Idempotency-Key"?: string;
                /** @description Echoed back and recorded in every event */
                "X-Correlation-Id"?: string;
                /** @description Historical import only (token scope `import`, office): when it happened in the world; without the scope 403 ImportCapabilityRequired */
                "X-Occurred-At"?: string;
                /** @description Historical import only: `<role>:<id>` of the person who really acted (checked against this endpoint's roles and every rule); the clerk is recorded as metadata.recordedBy */
                "X-On-Behalf-Of"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordConsultationDto"];
            };
        };
        responses: {
            /** @description Consultation recorded */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandOutcomeDto"];
                };
            };
            /** @description Invalid fields or headers */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Role not allowed (on an import: the X-On-Behalf-Of role), another centre, or X-Occurred-At without the import scope (rule ImportCapabilityRequired) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unknown centre or auditor */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Concurrent writers kept winning; retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description If-Match is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description A business rule is broken; `rule` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    PersonController_declareInterests: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag (stream revision) last seen; a stale one gives 412 */
                "If-Match"?: string;
                /** @description Same key, same request: appended once, same response */
                "Idempotency-Key"?: string;
                /** @description Echoed back and recorded in every event */
                "X-Correlation-Id"?: string;
                /** @description Historical import only (token scope `import`, office): when it happened in the world; without the scope 403 ImportCapabilityRequired */
                "X-Occurred-At"?: string;
                /** @description Historical import only: `<role>:<id>` of the person who really acted (checked against this endpoint's roles and every rule); the clerk is recorded as metadata.recordedBy */
                "X-On-Behalf-Of"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeclareInterestsDto"];
            };
        };
        responses: {
            /** @description Declaration of interests filed */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandOutcomeDto"];
                };
            };
            /** @description Invalid fields or headers */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Role not allowed (on an import: the X-On-Behalf-Of role), another centre, or X-Occurred-At without the import scope (rule ImportCapabilityRequired) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unknown centre or auditor */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Concurrent writers kept winning; retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description If-Match is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description A business rule is broken; `rule` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    PersonController_declareConflict: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag (stream revision) last seen; a stale one gives 412 */
                "If-Match"?: string;
                /** @description Same key, same request: appended once, same response */
                "Idempotency-Key"?: string;
                /** @description Echoed back and recorded in every event */
                "X-Correlation-Id"?: string;
                /** @description Historical import only (token scope `import`, office): when it happened in the world; without the scope 403 ImportCapabilityRequired */
                "X-Occurred-At"?: string;
                /** @description Historical import only: `<role>:<id>` of the person who really acted (checked against this endpoint's roles and every rule); the clerk is recorded as metadata.recordedBy */
                "X-On-Behalf-Of"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PersonInterestDto"];
            };
        };
        responses: {
            /** @description Conflict declared */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandOutcomeDto"];
                };
            };
            /** @description Invalid fields or headers */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Role not allowed (on an import: the X-On-Behalf-Of role), another centre, or X-Occurred-At without the import scope (rule ImportCapabilityRequired) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unknown centre or auditor */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Concurrent writers kept winning; retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description If-Match is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description A business rule is broken; `rule` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    PersonController_recordConsultation: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag (stream revision) last seen; a stale one gives 412 */
                "If-Match"?: string;
                /** @description Same key, same request: appended once, same response */
                "Idempotency-Key"?: string;
                /** @description Echoed back and recorded in every event */
                "X-Correlation-Id"?: string;
                /** @description Historical import only (token scope `import`, office): when it happened in the world; without the scope 403 ImportCapabilityRequired */
                "X-Occurred-At"?: string;
                /** @description Historical import only: `<role>:<id>` of the person who really acted (checked against this endpoint's roles and every rule); the clerk is recorded as metadata.recordedBy */
                "X-On-Behalf-Of"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PersonInterestDto"];
            };
        };
        responses: {
            /** @description Consultation recorded */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandOutcomeDto"];
                };
            };
            /** @description Invalid fields or headers */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Role not allowed (on an import: the X-On-Behalf-Of role), another centre, or X-Occurred-At without the import scope (rule ImportCapabilityRequired) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unknown centre or auditor */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Concurrent writers kept winning; retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description If-Match is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description A business rule is broken; `rule` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    CentreQueriesController_status: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CentreQueriesController_history: {
        parameters: {
            query?: {
                /** @description Revision after which to continue (from nextAfter) */
                after?: number;
                limit?: number;
                order?: "asc" | "desc";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuditTrailController_trail: {
        parameters: {
            query?: {
                /** @description State as it was in the world on this date (occurredAt) */
                asOf?: string;
                /** @description State as the engine knew it on this date (recordedAt) */
                knownAt?: string;
                /** @description State after this stream revision */
                revision?: number;
                /** @description bundle: a signed evidence bundle (always the whole stream), checkable offline with npm run verify-dossier */
                format?: "json" | "csv" | "html" | "bundle";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuditTrailController_verify: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuditorVerificationController_verify: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuditorVerificationController_evidence: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    LedgerController_latest: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    LedgerController_signNow: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    LedgerController_all: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    OversightQueriesController_auditor: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    OversightQueriesController_statistics: {
        parameters: {
            query?: {
                period?: "month" | "quarter" | "year" | "all";
                from?: string;
                to?: string;
                country?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    OversightQueriesController_expiring: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                days?: number;
                country?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PublicRegistryController_list: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                country?: string;
                city?: string;
                seal?: "enrolled_centre" | "accredited_centre" | "centre_of_excellence";
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PublicRegistryController_verify: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                number: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ConsoleQueriesController_scheme: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ConsoleQueriesController_file: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ConsoleQueriesController_myAudits: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ConsoleQueriesController_queue: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ConsoleQueriesController_appeals: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SignInController_options: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignInOptionsDto"];
                };
            };
        };
    };
    SignInController_developmentToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DevelopmentTokenDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DevelopmentTokenResponseDto"];
                };
            };
            /** @description A real secret or identity provider is configured */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
