import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Foundation schema: the catalogue, the organization tree (with its closure table), individuals with their
 * ratings, initiatives and disciplinary cases, and API keys. Constraint names are part of the contract: the
 * error filter maps them to 409/422 responses.
 */
export class InitialSchema1767225600000 implements MigrationInterface {
  name = 'InitialSchema1767225600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    // unaccent() is only STABLE (its dictionary could change), so it cannot back an index. Binding the
    // dictionary explicitly makes this wrapper safe to declare IMMUTABLE; lower() folds case as well.
    await queryRunner.query(`
      CREATE FUNCTION immutable_unaccent(value text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      RETURN lower(public.unaccent('public.unaccent'::regdictionary, replace(replace(value, 'đ', 'd'), 'Đ', 'D'))) `);

    await queryRunner.query(
      `CREATE TABLE "award_types" ("code" text NOT NULL, "name_vi" text NOT NULL, "name_en" text NOT NULL, "kind" text NOT NULL, "recipient_kinds" text array NOT NULL, "deciding_authorities" text array NOT NULL, "bonus_multipliers" jsonb NOT NULL, "collective_bonus_factor" numeric(4,2) NOT NULL DEFAULT '1', "province_level" boolean NOT NULL DEFAULT false, "vote_required" boolean NOT NULL DEFAULT false, "vote_pass_ratio" numeric(4,3) NOT NULL, "sort_order" integer NOT NULL, CONSTRAINT "ck_award_types_vote_pass_ratio" CHECK ("vote_pass_ratio" > 0 AND "vote_pass_ratio" <= 1), CONSTRAINT "ck_award_types_kind" CHECK ("kind" IN ('TITLE','FORM')), CONSTRAINT "pk_award_types" PRIMARY KEY ("code"))`,
    );

    await queryRunner.query(
      `CREATE TABLE "organizations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" text NOT NULL, "name" text NOT NULL, "short_name" text, "kind" text NOT NULL, "parent_id" uuid, "document_symbol" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_organizations_code" UNIQUE ("code"), CONSTRAINT "ck_organizations_not_own_parent" CHECK ("parent_id" IS NULL OR "parent_id" <> "id"), CONSTRAINT "ck_organizations_kind" CHECK ("kind" IN ('PROVINCE','DEPARTMENT','DISTRICT','COMMUNE','UNIT','ENTERPRISE','OTHER')), CONSTRAINT "pk_organizations" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_organizations_parent_id" ON "organizations" ("parent_id")`);
    await queryRunner.query(
      `ALTER TABLE "organizations" ADD CONSTRAINT "fk_organizations_parent" FOREIGN KEY ("parent_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_organizations_name_trgm" ON "organizations" USING gin (immutable_unaccent("name") gin_trgm_ops)`,
    );

    // Closure table: one row per (ancestor, descendant) pair including (self, self, 0). A subtree is
    // `WHERE ancestor_id = $1`, one index range, however deep the tree.
    await queryRunner.query(
      `CREATE TABLE "organization_closure" ("ancestor_id" uuid NOT NULL, "descendant_id" uuid NOT NULL, "depth" integer NOT NULL, CONSTRAINT "pk_organization_closure" PRIMARY KEY ("ancestor_id", "descendant_id"), CONSTRAINT "fk_organization_closure_ancestor" FOREIGN KEY ("ancestor_id") REFERENCES "organizations"("id") ON DELETE CASCADE, CONSTRAINT "fk_organization_closure_descendant" FOREIGN KEY ("descendant_id") REFERENCES "organizations"("id") ON DELETE CASCADE, CONSTRAINT "ck_organization_closure_depth" CHECK ("depth" >= 0))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ix_organization_closure_descendant" ON "organization_closure" ("descendant_id", "ancestor_id") INCLUDE ("depth")`,
    );
    await queryRunner.query(`
      CREATE FUNCTION organizations_closure_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO organization_closure (ancestor_id, descendant_id, depth) VALUES (NEW.id, NEW.id, 0);
        IF NEW.parent_id IS NOT NULL THEN
          INSERT INTO organization_closure (ancestor_id, descendant_id, depth)
          SELECT ancestor_id, NEW.id, depth + 1 FROM organization_closure WHERE descendant_id = NEW.parent_id;
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION organizations_closure_move() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.parent_id IS NOT NULL AND EXISTS (
          SELECT 1 FROM organization_closure WHERE ancestor_id = NEW.id AND descendant_id = NEW.parent_id
        ) THEN
          RAISE EXCEPTION 'organization % cannot move under its own descendant %', NEW.id, NEW.parent_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_organizations_no_cycle';
        END IF;
        -- Detach the subtree from its old ancestors, then attach it under the new parent.
        DELETE FROM organization_closure c
         USING organization_closure sub, organization_closure anc
         WHERE sub.ancestor_id = NEW.id AND anc.descendant_id = NEW.id AND anc.ancestor_id <> NEW.id
           AND c.ancestor_id = anc.ancestor_id AND c.descendant_id = sub.descendant_id;
        IF NEW.parent_id IS NOT NULL THEN
          INSERT INTO organization_closure (ancestor_id, descendant_id, depth)
          SELECT anc.ancestor_id, sub.descendant_id, anc.depth + sub.depth + 1
            FROM organization_closure anc, organization_closure sub
           WHERE anc.descendant_id = NEW.parent_id AND sub.ancestor_id = NEW.id;
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER "tg_organizations_closure_insert" AFTER INSERT ON "organizations" FOR EACH ROW EXECUTE FUNCTION organizations_closure_insert()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "tg_organizations_closure_move" AFTER UPDATE OF "parent_id" ON "organizations" FOR EACH ROW WHEN (OLD.parent_id IS DISTINCT FROM NEW.parent_id) EXECUTE FUNCTION organizations_closure_move()`,
    );

    await queryRunner.query(
      `CREATE TABLE "individuals" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "full_name" text NOT NULL, "gender" text, "birth_date" date, "national_id" text, "position" text, "organization_id" uuid NOT NULL, "joined_on" date, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_individuals_national_id" UNIQUE ("national_id"), CONSTRAINT "ck_individuals_full_name" CHECK (length(btrim("full_name")) > 0), CONSTRAINT "ck_individuals_gender" CHECK ("gender" IS NULL OR "gender" IN ('MALE','FEMALE')), CONSTRAINT "pk_individuals" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_individuals_organization_id" ON "individuals" ("organization_id")`);
    await queryRunner.query(
      `CREATE INDEX "ix_individuals_full_name_trgm" ON "individuals" USING gin (immutable_unaccent("full_name") gin_trgm_ops)`,
    );
    await queryRunner.query(
      `ALTER TABLE "individuals" ADD CONSTRAINT "fk_individuals_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );

    await queryRunner.query(
      `CREATE TABLE "individual_ratings" ("individual_id" uuid NOT NULL, "year" integer NOT NULL, "rating" text NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_individual_ratings_year" CHECK ("year" BETWEEN 1945 AND 2100), CONSTRAINT "ck_individual_ratings_rating" CHECK ("rating" IN ('HTXS','HTT','HT','KHT')), CONSTRAINT "pk_individual_ratings" PRIMARY KEY ("individual_id", "year"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "individual_ratings" ADD CONSTRAINT "fk_individual_ratings_individual" FOREIGN KEY ("individual_id") REFERENCES "individuals"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );

    await queryRunner.query(
      `CREATE TABLE "initiatives" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "individual_id" uuid NOT NULL, "year" integer NOT NULL, "title" text NOT NULL, "level" text NOT NULL, "recognized_on" date NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_initiatives_year" CHECK ("year" BETWEEN 1945 AND 2100), CONSTRAINT "ck_initiatives_level" CHECK ("level" IN ('UNIT','PROVINCE','NATIONAL')), CONSTRAINT "pk_initiatives" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_initiatives_individual_id_year" ON "initiatives" ("individual_id", "year")`,
    );
    await queryRunner.query(
      `ALTER TABLE "initiatives" ADD CONSTRAINT "fk_initiatives_individual" FOREIGN KEY ("individual_id") REFERENCES "individuals"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );

    await queryRunner.query(
      `CREATE TABLE "disciplinary_cases" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "individual_id" uuid NOT NULL, "kind" text NOT NULL, "opened_on" date NOT NULL, "note" text, "closed_on" date, "outcome" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_disciplinary_cases_closed_after_opened" CHECK ("closed_on" IS NULL OR "closed_on" >= "opened_on"), CONSTRAINT "ck_disciplinary_cases_kind" CHECK ("kind" IN ('DISCIPLINE','INVESTIGATION','INSPECTION')), CONSTRAINT "pk_disciplinary_cases" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_disciplinary_cases_individual_id" ON "disciplinary_cases" ("individual_id")`,
    );
    await queryRunner.query(
      `ALTER TABLE "disciplinary_cases" ADD CONSTRAINT "fk_disciplinary_cases_individual" FOREIGN KEY ("individual_id") REFERENCES "individuals"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );

    await queryRunner.query(
      `CREATE TABLE "api_keys" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "role" text NOT NULL, "organization_id" uuid, "token_hash" text NOT NULL, "token_prefix" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "uq_api_keys_token_hash" UNIQUE ("token_hash"), CONSTRAINT "ck_api_keys_scope" CHECK (("role" IN ('HR_OFFICER','APPROVER')) = ("organization_id" IS NOT NULL)), CONSTRAINT "ck_api_keys_role" CHECK ("role" IN ('ADMIN','HR_OFFICER','APPROVER','AUDITOR')), CONSTRAINT "pk_api_keys" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_api_keys_organization_id" ON "api_keys" ("organization_id")`);
    await queryRunner.query(
      `ALTER TABLE "api_keys" ADD CONSTRAINT "fk_api_keys_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );

    await this.seedCatalogue(queryRunner);
  }

  /** domain.md §3, as in force when this migration was written. Later changes come as new migrations. */
  private async seedCatalogue(queryRunner: QueryRunner): Promise<void> {
    const same = (m: number) => ({ TDKT_2003_ND91: m, TDKT_2022_ND98: m, TDKT_2022_ND152: m });
    const rows: [
      string,
      string,
      string,
      'TITLE' | 'FORM',
      string[],
      string[],
      Record<string, number>,
      number,
      boolean,
      boolean,
      number,
    ][] = [
      [
        'LAO_DONG_TIEN_TIEN',
        'Lao động tiên tiến',
        'Advanced Worker',
        'TITLE',
        ['INDIVIDUAL'],
        ['DEPARTMENT_HEAD', 'DISTRICT_CHAIR', 'COMMUNE_CHAIR', 'ENTERPRISE_HEAD'],
        same(0.3),
        1,
        false,
        false,
        0.5,
      ],
      [
        'CHIEN_SI_THI_DUA_CO_SO',
        'Chiến sĩ thi đua cơ sở',
        'Grassroots Emulation Fighter',
        'TITLE',
        ['INDIVIDUAL'],
        ['DEPARTMENT_HEAD', 'DISTRICT_CHAIR', 'COMMUNE_CHAIR'],
        same(1.0),
        1,
        false,
        true,
        0.5,
      ],
      [
        'CHIEN_SI_THI_DUA_TINH',
        'Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh',
        'Provincial/Ministerial Emulation Fighter',
        'TITLE',
        ['INDIVIDUAL'],
        ['PROVINCE_CHAIR', 'MINISTER'],
        same(3.0),
        1,
        true,
        true,
        0.9,
      ],
      [
        'CHIEN_SI_THI_DUA_TOAN_QUOC',
        'Chiến sĩ thi đua toàn quốc',
        'National Emulation Fighter',
        'TITLE',
        ['INDIVIDUAL'],
        ['PRIME_MINISTER'],
        same(4.5),
        1,
        false,
        true,
        0.9,
      ],
      [
        'TAP_THE_LAO_DONG_TIEN_TIEN',
        'Tập thể lao động tiên tiến',
        'Advanced Labour Collective',
        'TITLE',
        ['COLLECTIVE'],
        ['DEPARTMENT_HEAD', 'DISTRICT_CHAIR', 'COMMUNE_CHAIR'],
        same(0.8),
        1,
        false,
        false,
        0.5,
      ],
      [
        'TAP_THE_LAO_DONG_XUAT_SAC',
        'Tập thể lao động xuất sắc',
        'Excellent Labour Collective',
        'TITLE',
        ['COLLECTIVE'],
        ['PROVINCE_CHAIR', 'MINISTER'],
        same(1.5),
        1,
        true,
        false,
        0.5,
      ],
      [
        'CO_THI_DUA_TINH',
        'Cờ thi đua của UBND tỉnh / bộ',
        'Emulation Flag of the Province / Ministry',
        'TITLE',
        ['COLLECTIVE'],
        ['PROVINCE_CHAIR', 'MINISTER'],
        same(8.0),
        1,
        true,
        true,
        0.9,
      ],
      [
        'CO_THI_DUA_CHINH_PHU',
        'Cờ thi đua của Chính phủ',
        'Emulation Flag of the Government',
        'TITLE',
        ['COLLECTIVE'],
        ['PRIME_MINISTER'],
        same(12.0),
        1,
        false,
        true,
        0.9,
      ],
      [
        'GIAY_KHEN',
        'Giấy khen',
        'Certificate of Merit',
        'FORM',
        ['INDIVIDUAL', 'COLLECTIVE', 'HOUSEHOLD'],
        ['DEPARTMENT_HEAD', 'DISTRICT_CHAIR', 'COMMUNE_CHAIR', 'ENTERPRISE_HEAD'],
        same(0.3),
        2,
        false,
        false,
        0.5,
      ],
      [
        'BANG_KHEN_TINH',
        'Bằng khen của Chủ tịch UBND tỉnh / Bộ trưởng',
        'Certificate of Merit of the Provincial Chairman / Minister',
        'FORM',
        ['INDIVIDUAL', 'COLLECTIVE', 'HOUSEHOLD'],
        ['PROVINCE_CHAIR', 'MINISTER'],
        { TDKT_2003_ND91: 1.0, TDKT_2022_ND98: 1.0, TDKT_2022_ND152: 1.5 },
        2,
        true,
        true,
        0.8,
      ],
      [
        'BANG_KHEN_THU_TUONG',
        'Bằng khen của Thủ tướng Chính phủ',
        'Certificate of Merit of the Prime Minister',
        'FORM',
        ['INDIVIDUAL', 'COLLECTIVE'],
        ['PRIME_MINISTER'],
        same(3.5),
        2,
        false,
        true,
        0.9,
      ],
    ];
    let order = 0;
    for (const [
      code,
      nameVi,
      nameEn,
      kind,
      recipients,
      authorities,
      multipliers,
      factor,
      provinceLevel,
      voteRequired,
      passRatio,
    ] of rows) {
      order += 10;
      await queryRunner.query(
        `INSERT INTO award_types (code, name_vi, name_en, kind, recipient_kinds, deciding_authorities, bonus_multipliers, collective_bonus_factor, province_level, vote_required, vote_pass_ratio, sort_order)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [
          code,
          nameVi,
          nameEn,
          kind,
          recipients,
          authorities,
          JSON.stringify(multipliers),
          factor,
          provinceLevel,
          voteRequired,
          passRatio,
          order,
        ],
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'api_keys',
      'disciplinary_cases',
      'initiatives',
      'individual_ratings',
      'individuals',
      'organization_closure',
      'organizations',
      'award_types',
    ]) {
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
    await queryRunner.query(`DROP FUNCTION organizations_closure_move()`);
    await queryRunner.query(`DROP FUNCTION organizations_closure_insert()`);
    await queryRunner.query(`DROP FUNCTION immutable_unaccent(text)`);
  }
}
