import { assertCorrectionNamesEvent } from '../../rules/correction.rules';
import { assertProcedureVolume } from '../../rules/enrolment.rules';
import type { DecisionContext } from '../../shared/decision-context';
import { DomainRuleBroken } from '../../shared/domain-errors';
import type { CentreEvent } from '../centre.events';
import type { CommandData } from './decide-support';

export function registerCentre(d: CommandData<'RegisterCentre'>, ctx: DecisionContext): CentreEvent[] {
  const required = [d.centreId, d.name, d.country, d.city, d.institution, d.representativeId, d.contactId, d.substituteId];
  if (required.some((v) => typeof v !== 'string' || !v.trim())) {
    throw new DomainRuleBroken('RegistrationIncomplete', 'Registration needs the centre id, name, country, city, institution and the ids of the representative, contact and substitute.');
  }
  assertProcedureVolume(d.proceduresPerYear);
  return [{
    type: 'CentreRegistered',
    data: {
      centreId: d.centreId, name: d.name, country: d.country, city: d.city, institution: d.institution, proceduresPerYear: d.proceduresPerYear,
      representativeId: d.representativeId, contactId: d.contactId, substituteId: d.substituteId,
      registeredAt: ctx.occurredAt, registeredBy: ctx.actor.id,
    },
  }];
}

export function attestSignOff(d: CommandData<'AttestSignOff'>, ctx: DecisionContext): CentreEvent[] {
  return [{ type: 'SignOffAttested', data: { centreId: d.centreId, signatory: d.signatory, signatoryId: d.signatoryId, attestedAt: ctx.occurredAt, recordedBy: ctx.actor.id } }];
}

export function updateProcedureVolume(d: CommandData<'UpdateProcedureVolume'>, ctx: DecisionContext): CentreEvent[] {
  assertProcedureVolume(d.proceduresPerYear);
  return [{ type: 'ProcedureVolumeUpdated', data: { centreId: d.centreId, proceduresPerYear: d.proceduresPerYear, updatedAt: ctx.occurredAt, updatedBy: ctx.actor.id } }];
}

export function recordCorrection(d: CommandData<'RecordCorrection'>, ctx: DecisionContext): CentreEvent[] {
  assertCorrectionNamesEvent(d.correctsEventId, d.description);
  return [{ type: 'CorrectionRecorded', data: { centreId: d.centreId, correctsEventId: d.correctsEventId, description: d.description, correctedAt: ctx.occurredAt, correctedBy: ctx.actor.id } }];
}
