import { DomainRuleBroken } from '../shared/domain-errors';
import { IASIOS_2019_1 } from './iasios-2019-1.scheme';
import type { Scheme, SchemeCriterion } from './scheme.types';

/** Every scheme version the engine knows. Adding a version = a data file + one line here. */
export const SCHEMES: Record<string, Scheme> = {
  [IASIOS_2019_1.version]: IASIOS_2019_1,
};

/** The version new applications are decided under unless the context says otherwise. */
export const CURRENT_SCHEME_VERSION = IASIOS_2019_1.version;

export function getScheme(version: string): Scheme {
  const scheme = SCHEMES[version];
  if (!scheme) throw new DomainRuleBroken('UnknownScheme', `Scheme version "${version}" is not known to the engine.`);
  return scheme;
}

export const coreCriteria = (scheme: Scheme): SchemeCriterion[] => scheme.criteria.filter((c) => c.level === 'core');
export const extendedCriteria = (scheme: Scheme): SchemeCriterion[] => scheme.criteria.filter((c) => c.level === 'extended');
export const hasCriterion = (scheme: Scheme, id: string): boolean => scheme.criteria.some((c) => c.id === id);
