import { AwardType } from '../award-types/award-type.entity.js';
import { Individual } from '../individuals/individual.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { Award } from '../awards/award.entity.js';
import { Decision } from '../decisions/decision.entity.js';
import { CouncilVote } from '../nominations/council-vote.entity.js';
import { NominationEvent } from '../nominations/nomination-event.entity.js';
import { Nomination } from '../nominations/nomination.entity.js';

/** Every entity, listed explicitly (no globs): the same list serves the app, the CLI and the tests. */
export const ENTITIES = [
  AwardType,
  Organization,
  Individual,
  Nomination,
  NominationEvent,
  CouncilVote,
  Decision,
  Award,
];
