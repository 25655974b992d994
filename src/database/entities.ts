import { AwardType } from '../award-types/award-type.entity.js';
import { DisciplinaryCase } from '../individuals/disciplinary-case.entity.js';
import { Individual } from '../individuals/individual.entity.js';
import { Initiative } from '../individuals/initiative.entity.js';
import { IndividualRating } from '../individuals/rating.entity.js';
import { CouncilSize } from '../organizations/council-size.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { Award } from '../awards/award.entity.js';
import { Decision } from '../decisions/decision.entity.js';
import { Nomination } from '../nominations/nomination.entity.js';
import { RuleSetting } from '../quotas/rule-setting.entity.js';
import { UnitQuota } from '../quotas/unit-quota.entity.js';

/** Every entity, listed explicitly (no globs): the same list serves the app, the CLI and the tests. */
export const ENTITIES = [
  AwardType,
  Organization,
  CouncilSize,
  Individual,
  IndividualRating,
  Initiative,
  DisciplinaryCase,
  Nomination,
  UnitQuota,
  RuleSetting,
  Decision,
  Award,
];
