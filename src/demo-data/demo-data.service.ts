import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Injectable, Logger } from '@nestjs/common';
import { Db } from '../database/db.js';
import { ApiKeysService } from '../api-keys/api-keys.service.js';
import type { Role } from '../api-keys/api-key.js';
import type { Principal } from '../auth/principal.js';
import { AppConfig } from '../config/app-config.js';
import { DecisionsService } from '../decisions/decisions.service.js';
import { HistoryImportService } from '../history/history-import.service.js';
import { IndividualsService } from '../individuals/individuals.service.js';
import { NominationsService } from '../nominations/nominations.service.js';
import { CouncilSizesService } from '../organizations/council-sizes.service.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import {
  BANG_KHEN_DECISION,
  BANG_KHEN_INDIVIDUALS,
  DEMO_HISTORY_FILE,
  DEMO_MERGER,
  DEMO_MOVES,
  DEMO_ORGANIZATIONS,
  DEMO_STAFF,
  type DemoIndividual,
  GIAY_KHEN_COLLECTIVES,
  GIAY_KHEN_DECISION,
  GIAY_KHEN_INDIVIDUALS,
  PROVINCE_COUNCIL,
  PROVINCE_COUNCIL_VOTE,
} from './demo-data.js';

/** The history file's bytes, found from this module up (the sources run from `src/`, the build from `dist/src/`). */
export async function readDemoHistory(): Promise<Buffer> {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++, dir = path.dirname(dir)) {
    const file = path.join(dir, DEMO_HISTORY_FILE);
    if (existsSync(file)) return readFile(file);
  }
  throw new Error(`The demo history file ${DEMO_HISTORY_FILE} is missing`);
}

/** The loader acts as the registry itself: an ADMIN without a key. */
const SYSTEM: Principal = { kind: 'bootstrap', keyId: null, role: 'ADMIN', organizationId: null };

const DEMO_KEYS: { name: string; role: Role; scope?: string }[] = [
  { name: 'Demo administrator', role: 'ADMIN' },
  { name: 'Demo HR officer, Sở TT&TT', role: 'HR_OFFICER', scope: 'stttt' },
  { name: 'Demo approver, Sở TT&TT', role: 'APPROVER', scope: 'stttt' },
  { name: 'Demo approver, UBND tỉnh', role: 'APPROVER', scope: 'province' },
  // Sở KH&CN took over Sở TT&TT on 2025-03-01: today's people and proposals are its (R-ORG-1).
  { name: 'Demo HR officer, Sở KH&CN', role: 'HR_OFFICER', scope: 'skhcn' },
  { name: 'Demo approver, Sở KH&CN', role: 'APPROVER', scope: 'skhcn' },
  { name: 'Demo auditor', role: 'AUDITOR' },
];

/**
 * Loads the demo data set (README, "The seed story") into an empty registry through the same services the API uses, so
 * every record passes the same rules: organizations, people and their ratings, nominations that are submitted,
 * voted, approved and decided, and one API key per role whose tokens are written to a git-ignored file.
 */
@Injectable()
export class DemoDataService {
  private readonly logger = new Logger(DemoDataService.name);

  constructor(
    private readonly db: Db,
    private readonly config: AppConfig,
    private readonly organizations: OrganizationsService,
    private readonly councilSizes: CouncilSizesService,
    private readonly individuals: IndividualsService,
    private readonly nominations: NominationsService,
    private readonly decisions: DecisionsService,
    private readonly apiKeys: ApiKeysService,
    private readonly history: HistoryImportService,
  ) {}

  async seedIfEmpty(): Promise<boolean> {
    const { count } = await this.db
      .selectFrom('organizations')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .executeTakeFirstOrThrow();
    if (Number(count) > 0) return false;
    this.logger.log('Empty registry: loading the demo data set (Sở TT&TT Điện Biên, 2023)');
    await this.seed();
    return true;
  }

  /** `history: false` leaves the history file out (a test imports it itself). */
  async seed({ history = true }: { history?: boolean } = {}): Promise<void> {
    const org = new Map<string, string>();
    for (const item of DEMO_ORGANIZATIONS) {
      const created = await this.organizations.create({
        code: item.code,
        name: item.name,
        shortName: item.shortName,
        kind: item.kind,
        parentId: item.parent ? org.get(item.parent) : undefined,
        documentSymbol: item.documentSymbol,
      });
      org.set(item.key, created.id);
    }

    const person = new Map<string, string>();
    for (const item of [...GIAY_KHEN_INDIVIDUALS, ...BANG_KHEN_INDIVIDUALS, ...DEMO_STAFF]) {
      person.set(item.key, await this.createIndividual(item, org));
    }

    // The Sở's past, as an agency starting on the registry would load it: the 2023 nominations below are then
    // judged with five years of record, and a CSTĐ tỉnh for 2023 can be judged on the imported CSTĐ cơ sở.
    if (history) {
      const imported = await this.history.import(SYSTEM, {
        originalname: path.basename(DEMO_HISTORY_FILE),
        buffer: await readDemoHistory(),
      });
      this.logger.log(
        `Demo history: ${imported.result.awards} awards in ${imported.result.decisions} decisions from ${DEMO_HISTORY_FILE}`,
      );
    }

    const nominate = async (
      nominee: { individualId?: string; organizationId?: string },
      awardCode: 'GIAY_KHEN' | 'BANG_KHEN_TINH',
      expectedDecisionOn: string,
    ) => {
      const created = await this.nominations.create(SYSTEM, {
        year: 2023,
        awardCode,
        basis: 'REGULAR',
        ...nominee,
        proposingOrganizationId: org.get('stttt')!,
        achievements: 'Đã có thành tích xuất sắc trong phong trào thi đua, thực hiện nhiệm vụ công tác năm 2023',
        expectedDecisionOn,
      });
      await this.nominations.submit(SYSTEM, created.id);
      return created.id;
    };

    const giayKhen: string[] = [];
    for (const key of GIAY_KHEN_COLLECTIVES)
      giayKhen.push(await nominate({ organizationId: org.get(key) }, 'GIAY_KHEN', GIAY_KHEN_DECISION.issuedOn));
    for (const item of GIAY_KHEN_INDIVIDUALS)
      giayKhen.push(await nominate({ individualId: person.get(item.key) }, 'GIAY_KHEN', GIAY_KHEN_DECISION.issuedOn));
    for (const id of giayKhen) await this.nominations.approve(SYSTEM, id);

    // The council's size is on file before its votes; only a key above the province (ADMIN) may record it.
    const { organization: councilOf, ...council } = PROVINCE_COUNCIL;
    await this.councilSizes.record(SYSTEM, org.get(councilOf)!, council);
    const bangKhen: string[] = [];
    for (const item of BANG_KHEN_INDIVIDUALS) {
      const id = await nominate({ individualId: person.get(item.key) }, 'BANG_KHEN_TINH', BANG_KHEN_DECISION.issuedOn);
      await this.nominations.recordVote(SYSTEM, id, PROVINCE_COUNCIL_VOTE);
      await this.nominations.approve(SYSTEM, id);
      bangKhen.push(id);
    }

    const { issuer: bkIssuer, ...bangKhenDecision } = BANG_KHEN_DECISION;
    const bk = await this.decisions.create(
      { ...bangKhenDecision, issuerOrganizationId: org.get(bkIssuer)!, nominationIds: bangKhen },
      SYSTEM,
    );
    const { issuer: gkIssuer, ...giayKhenDecision } = GIAY_KHEN_DECISION;
    const gk = await this.decisions.create(
      { ...giayKhenDecision, issuerOrganizationId: org.get(gkIssuer)!, nominationIds: giayKhen },
      SYSTEM,
    );
    this.logger.log(
      `Demo decisions: ${gk.number} (${gk.awards.length} Giấy khen), ${bk.number} (${bk.awards.length} Bằng khen)`,
    );

    // The 2025 merger: people moved explicitly, then the units and the Sở dissolved into Sở KH&CN (R-ORG-1).
    for (const move of DEMO_MOVES) {
      await this.individuals.update(SYSTEM, person.get(move.person)!, {
        organizationId: org.get(move.to)!,
        joinedOn: move.joinedOn,
      });
    }
    for (const key of DEMO_MERGER.dissolved) {
      await this.organizations.dissolve(org.get(key)!, {
        on: DEMO_MERGER.on,
        successorId: org.get(DEMO_MERGER.successor)!,
      });
    }

    await this.writeDemoTokens(org);
  }

  private async createIndividual(item: DemoIndividual, org: Map<string, string>): Promise<string> {
    const created = await this.individuals.create(SYSTEM, {
      fullName: item.fullName,
      gender: item.gender,
      birthDate: item.birthDate,
      position: item.position,
      organizationId: org.get(item.unit)!,
      joinedOn: item.joinedOn,
      recruitedOn: item.recruitedOn,
      nationalId: item.nationalId,
    });
    for (const [year, rating] of Object.entries(item.ratings)) {
      if (rating) await this.individuals.putRating(SYSTEM, created.id, Number(year), rating);
    }
    for (const initiative of item.initiatives ?? []) {
      await this.individuals.addInitiative(SYSTEM, created.id, initiative);
    }
    return created.id;
  }

  /** One key per role, for trying the API; the tokens exist only in this file (the registry keeps hashes). */
  private async writeDemoTokens(org: Map<string, string>): Promise<void> {
    const tokens: Record<string, string> = {};
    for (const key of DEMO_KEYS) {
      const created = await this.apiKeys.create(
        { name: key.name, role: key.role, organizationId: key.scope ? org.get(key.scope) : undefined },
        SYSTEM,
      );
      tokens[`${key.role}${key.scope ? `_${key.scope.toUpperCase()}` : ''}`] = created.token;
    }
    const file = path.resolve(this.config.DEMO_TOKENS_FILE);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, `${JSON.stringify(tokens, null, 2)}\n`, { mode: 0o600 });
    this.logger.log(`Demo API keys (one per role) written to ${file}`);
  }
}
