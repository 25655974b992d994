import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AWARD_CATALOGUE, AWARD_TYPES } from '../../src/rules/catalogue.js';
import { REGIME_CODES } from '../../src/rules/types.js';
import { BOOTSTRAP_TOKEN, bearer, createTestApp, type TestApp } from '../support/test-app.js';

const PROBLEM = /application\/problem\+json/;

interface AwardTypeBody {
  code: string;
  nameVi: string;
  nameEn: string;
  kind: string;
  recipientKinds: string[];
  decidingAuthorities: string[];
  bonusMultipliers: Record<string, number>;
  collectiveBonusFactor: number;
  provinceLevel: boolean;
  voteRequired: boolean;
  votePassRatio: number;
}

/** The rule engine's catalogue entry in the shape the API serves. */
function fromRules(code: string): AwardTypeBody {
  const type = AWARD_CATALOGUE[code as keyof typeof AWARD_CATALOGUE];
  return {
    code: type.code,
    nameVi: type.nameVi,
    nameEn: type.nameEn,
    kind: type.kind,
    recipientKinds: [...type.recipientKinds],
    decidingAuthorities: [...new Set(type.decidingAuthorities.map((grant) => grant.authority))],
    bonusMultipliers: { ...type.bonusMultipliers },
    collectiveBonusFactor: type.collectiveFactor,
    provinceLevel: type.isProvinceLevel,
    voteRequired: type.voteRequiredByDefault,
    votePassRatio: type.defaultPassRatio,
  };
}

describe('award-types', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  describe('GET /award-types', () => {
    it('serves the catalogue publicly, in display order, with numbers as numbers', async () => {
      const response = await t.http.get('/api/v1/award-types').expect(200);
      expect(response.headers['content-type']).toMatch(/application\/json/);
      const items = response.body.items as AwardTypeBody[];
      expect(Object.keys(response.body)).toEqual(['items']);
      expect(items.map((item) => item.code)).toEqual([
        'LAO_DONG_TIEN_TIEN',
        'CHIEN_SI_THI_DUA_CO_SO',
        'CHIEN_SI_THI_DUA_TINH',
        'CHIEN_SI_THI_DUA_TOAN_QUOC',
        'TAP_THE_LAO_DONG_TIEN_TIEN',
        'TAP_THE_LAO_DONG_XUAT_SAC',
        'CO_THI_DUA_TINH',
        'CO_THI_DUA_CHINH_PHU',
        'GIAY_KHEN',
        'BANG_KHEN_TINH',
        'BANG_KHEN_THU_TUONG',
        'KY_NIEM_CHUONG',
      ]);
      for (const item of items) {
        expect(Object.keys(item).sort()).toEqual(
          [
            'bonusMultipliers',
            'code',
            'collectiveBonusFactor',
            'decidingAuthorities',
            'kind',
            'nameEn',
            'nameVi',
            'provinceLevel',
            'recipientKinds',
            'voteRequired',
            'votePassRatio',
          ].sort(),
        );
        expect(typeof item.collectiveBonusFactor).toBe('number');
        expect(typeof item.votePassRatio).toBe('number');
        expect(Object.keys(item.bonusMultipliers).sort()).toEqual([...REGIME_CODES].sort());
        for (const value of Object.values(item.bonusMultipliers)) expect(typeof value).toBe('number');
      }
      const giayKhen = items.find((item) => item.code === 'GIAY_KHEN');
      expect(giayKhen).toMatchObject({
        kind: 'FORM',
        collectiveBonusFactor: 2,
        bonusMultipliers: { TDKT_2003_ND91: 0.3, TDKT_2022_ND98: 0.3, TDKT_2022_ND152: 0.3 },
      });
      const bangKhenTinh = items.find((item) => item.code === 'BANG_KHEN_TINH');
      expect(bangKhenTinh).toMatchObject({
        provinceLevel: true,
        voteRequired: true,
        votePassRatio: 0.8,
        bonusMultipliers: { TDKT_2022_ND152: 1.5 },
      });
    });

    it('serves a caller with a valid token too, and answers 401 for an invalid one', async () => {
      await t.http.get('/api/v1/award-types').set(bearer(BOOTSTRAP_TOKEN)).expect(200);
      const response = await t.http.get('/api/v1/award-types').set(bearer('ar_not-a-real-token')).expect(401);
      expect(response.headers['content-type']).toMatch(PROBLEM);
    });

    it('has no write operations: the catalogue changes by migration only', async () => {
      const response = await t.http
        .post('/api/v1/award-types')
        .set(bearer(BOOTSTRAP_TOKEN))
        .send({ code: 'X' })
        .expect(405);
      expect(response.headers['content-type']).toMatch(PROBLEM);
      expect(response.headers.allow).toBe('GET, HEAD');
    });
  });

  describe('GET /award-types/{code}', () => {
    it('returns one award type', async () => {
      const response = await t.http.get('/api/v1/award-types/CHIEN_SI_THI_DUA_TINH').expect(200);
      expect(response.body).toEqual({
        code: 'CHIEN_SI_THI_DUA_TINH',
        nameVi: 'Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh',
        nameEn: expect.any(String),
        kind: 'TITLE',
        recipientKinds: ['INDIVIDUAL'],
        decidingAuthorities: ['PROVINCE_CHAIR', 'MINISTER'],
        bonusMultipliers: { TDKT_2003_ND91: 3, TDKT_2022_ND98: 3, TDKT_2022_ND152: 3 },
        collectiveBonusFactor: 1,
        provinceLevel: true,
        voteRequired: true,
        votePassRatio: 0.9,
      });
    });

    it('answers 404 for a well-formed unknown code', async () => {
      const response = await t.http.get('/api/v1/award-types/HUAN_CHUONG_LAO_DONG').expect(404);
      expect(response.headers['content-type']).toMatch(PROBLEM);
      expect(response.body).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    });

    it.each(['giay_khen', 'GIAY-KHEN', '1ABC', `${'A'.repeat(65)}`, "GIAY_KHEN'--", '%20'])(
      'answers 400 naming `code` for %j',
      async (code) => {
        const response = await t.http.get(`/api/v1/award-types/${encodeURIComponent(code)}`).expect(400);
        expect(response.headers['content-type']).toMatch(PROBLEM);
        expect(response.body.code).toBe('VALIDATION_FAILED');
        expect(response.body.errors).toEqual([{ field: 'code', message: expect.any(String) }]);
      },
    );

    it('answers 401 for an invalid token even on this public route', async () => {
      await t.http.get('/api/v1/award-types/GIAY_KHEN').set('Authorization', 'Basic Zm9vOmJhcg==').expect(401);
    });
  });

  describe('the seeded table agrees with the rule engine (src/rules/catalogue.ts)', () => {
    let served: Map<string, AwardTypeBody>;
    beforeAll(async () => {
      const response = await t.http.get('/api/v1/award-types').expect(200);
      served = new Map((response.body.items as AwardTypeBody[]).map((item) => [item.code, item]));
    });

    it('has the same codes in the same order', () => {
      expect([...served.keys()]).toEqual(AWARD_TYPES.map((type) => type.code));
    });

    it.each(AWARD_TYPES.map((type) => type.code))(
      '%s: names, kind, recipients, authorities, multipliers per regime, collective factor, province level and vote defaults',
      (code) => {
        const api = served.get(code);
        expect(api).toBeDefined();
        const rules = fromRules(code);
        // Field by field, so a failure names the field that disagrees.
        for (const field of Object.keys(rules) as (keyof AwardTypeBody)[]) {
          expect({ field, value: api![field] }).toEqual({ field, value: rules[field] });
        }
      },
    );

    it('reads the same catalogue straight from the table as through the API', async () => {
      const rows: { code: string; vote_pass_ratio: string; bonus_multipliers: Record<string, number> }[] =
        await t.db.query('SELECT code, vote_pass_ratio, bonus_multipliers FROM award_types ORDER BY sort_order');
      expect(rows.map((row) => row.code)).toEqual([...served.keys()]);
      for (const row of rows) {
        expect(served.get(row.code)!.votePassRatio).toBe(Number(row.vote_pass_ratio));
        expect(served.get(row.code)!.bonusMultipliers).toEqual(row.bonus_multipliers);
      }
    });
  });
});
