import { DomainRuleBroken } from '../shared/domain-errors';

/** Rule 11: corrections are new events naming the event they correct; nothing is edited. */
export function assertCorrectionNamesEvent(correctsEventId: string, description: string): void {
  if (!correctsEventId?.trim() || !description?.trim()) {
    throw new DomainRuleBroken('CorrectionMustNameEvent', 'A correction names the id of the event it corrects and says what was wrong.');
  }
}
