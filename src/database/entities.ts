import { AwardType } from '../award-types/award-type.entity.js';
import { Individual } from '../individuals/individual.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { Decision } from '../decisions/decision.entity.js';
import { Nomination } from '../nominations/nomination.entity.js';
import { Household } from '../households/household.entity.js';
import { HistoryImport } from '../history/history-import.entity.js';

/** Every entity, listed explicitly (no globs): the same list serves the app, the CLI and the tests. */
export const ENTITIES = [AwardType, Organization, Individual, Nomination, Decision, Household, HistoryImport];
