import { InitialSchema1767225600000 } from './1767225600000-InitialSchema.js';
import { Workflow1767312000000 } from './1767312000000-Workflow.js';
import { AuditTrail1767398400000 } from './1767398400000-AuditTrail.js';
import { AwardListIndexes1767916800000 } from './1767916800000-AwardListIndexes.js';
import { IdempotencyKeys1768003200000 } from './1768003200000-IdempotencyKeys.js';
import { CouncilMeetings1768089600000 } from './1768089600000-CouncilMeetings.js';
import { OrganizationCodeAndSymbol1768176000000 } from './1768176000000-OrganizationCodeAndSymbol.js';
import { DuplicateRuleInEngine1768608000000 } from './1768608000000-DuplicateRuleInEngine.js';
import { RulesRevision2Eligibility1768780800000 } from './1768780800000-RulesRevision2Eligibility.js';
import { RulesRevision2Decisions1768867200000 } from './1768867200000-RulesRevision2Decisions.js';
import { RegisterVersion1768953600000 } from './1768953600000-RegisterVersion.js';
import { HistoryHouseholdsForm06031769040000000 } from './1769040000000-HistoryHouseholdsForm0603.js';
import { OrganizationLife1769126400000 } from './1769126400000-OrganizationLife.js';
import { RevocationDecisions1769212800000 } from './1769212800000-RevocationDecisions.js';
import { AwardDecisionNumbers1769299200000 } from './1769299200000-AwardDecisionNumbers.js';

/** Every migration in order. Listed explicitly so the app, the CLI and the tests load the same set. */
export const MIGRATIONS = [
  InitialSchema1767225600000,
  Workflow1767312000000,
  AuditTrail1767398400000,
  AwardListIndexes1767916800000,
  IdempotencyKeys1768003200000,
  CouncilMeetings1768089600000,
  OrganizationCodeAndSymbol1768176000000,
  DuplicateRuleInEngine1768608000000,
  RulesRevision2Eligibility1768780800000,
  RulesRevision2Decisions1768867200000,
  RegisterVersion1768953600000,
  HistoryHouseholdsForm06031769040000000,
  OrganizationLife1769126400000,
  RevocationDecisions1769212800000,
  AwardDecisionNumbers1769299200000,
];
