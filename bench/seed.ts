/**
 * The benchmark's data set, generated straight in PostgreSQL with set-based SQL (generate_series, one statement
 * per table): a province → department → unit tree of ≈500 organizations with its closure rows, individuals with
 * Vietnamese names and yearly ratings, twenty years of decisions and ≈1,000,000 awards (scale 1).
 *
 * Triggers are skipped while loading (`session_replication_role = replica`): the closure rows are written here
 * directly, foreign keys are satisfied by construction, and the audit trail of a synthetic load is not wanted.
 * Secondary indexes of the big tables are dropped before the load and rebuilt after it, from their own
 * definitions, which is several times faster than maintaining them row by row.
 *
 * A marker row (`bench_seed`) records what was loaded; a later run with the same parameters reuses the data.
 */
import pg from 'pg';

/** Bump when the generated data changes shape: an older marker then no longer matches. */
const SEED_VERSION = 4;

export const FIRST_YEAR = 2006;
export const LAST_YEAR = 2025;

export interface SeedSize {
  departments: number;
  unitsPerDepartment: number;
  individuals: number;
}

/** Scale 1: 1 + 24 + 480 organizations, 200,000 people, 20 years, ≈1,000,000 awards. */
export function seedSize(scale: number): SeedSize {
  return { departments: 24, unitsPerDepartment: 20, individuals: Math.max(1000, Math.round(200_000 * scale)) };
}

export interface SeedSummary {
  version: number;
  size: SeedSize;
  organizations: number;
  individuals: number;
  ratings: number;
  decisions: number;
  awards: number;
  seconds: number;
  reused: boolean;
}

type Log = (line: string) => void;

/** Creates the database named in `url` when it does not exist (through the server's `postgres` database). */
export async function ensureDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount === 0) await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

/** Loads the data set unless the marker says the same one is already there. Needs the migrated schema. */
export async function seed(url: string, size: SeedSize, log: Log): Promise<SeedSummary> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `CREATE TABLE IF NOT EXISTS bench_seed (id int PRIMARY KEY CHECK (id = 1), summary jsonb NOT NULL)`,
    );
    const { rows } = await client.query<{ summary: SeedSummary }>('SELECT summary FROM bench_seed WHERE id = 1');
    const previous = rows[0]?.summary;
    const same = (a: SeedSize, b: SeedSize): boolean =>
      a.departments === b.departments &&
      a.unitsPerDepartment === b.unitsPerDepartment &&
      a.individuals === b.individuals;
    if (previous && previous.version === SEED_VERSION && same(previous.size, size)) {
      log(`data set reused: ${previous.awards.toLocaleString('en')} awards (seeded in ${previous.seconds} s)`);
      return { ...previous, reused: true };
    }
    const startedAt = Date.now();
    // One transaction: a load that fails half-way leaves the previous state, dropped indexes included.
    await client.query('BEGIN');
    try {
      await load(client, size, log);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
    await client.query(`SET session_replication_role = origin`);
    const vacuumStartedAt = Date.now();
    await client.query(`VACUUM (ANALYZE)`);
    log(`  vacuum analyze: ${((Date.now() - vacuumStartedAt) / 1000).toFixed(1)} s`);
    const counts = await client.query<Record<string, string>>(
      `SELECT (SELECT count(*) FROM organizations) AS organizations, (SELECT count(*) FROM individuals) AS individuals,
              (SELECT count(*) FROM individual_ratings) AS ratings, (SELECT count(*) FROM decisions) AS decisions,
              (SELECT count(*) FROM awards) AS awards`,
    );
    const c = counts.rows[0];
    const summary: SeedSummary = {
      version: SEED_VERSION,
      size,
      organizations: Number(c.organizations),
      individuals: Number(c.individuals),
      ratings: Number(c.ratings),
      decisions: Number(c.decisions),
      awards: Number(c.awards),
      seconds: Math.round((Date.now() - startedAt) / 100) / 10,
      reused: false,
    };
    await client.query(
      `INSERT INTO bench_seed (id, summary) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET summary = EXCLUDED.summary`,
      [JSON.stringify(summary)],
    );
    log(`data set seeded in ${summary.seconds} s: ${JSON.stringify(counts.rows[0])}`);
    return summary;
  } finally {
    await client.end();
  }
}

const sqlArray = (values: readonly string[]): string => `ARRAY[${values.map((v) => pg.escapeLiteral(v)).join(', ')}]`;

/** Family names weighted roughly as in the population (Nguyễn about a third). */
const FAMILY = [
  ...Array<string>(12).fill('Nguyễn'),
  ...Array<string>(4).fill('Trần'),
  ...Array<string>(3).fill('Lê'),
  ...Array<string>(2).fill('Phạm'),
  ...['Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Lò', 'Quàng', 'Cà'],
];
const MIDDLE_MALE = ['Văn', 'Hữu', 'Đức', 'Minh', 'Quang', 'Công', 'Thành', 'Xuân', 'Ngọc', 'Đình', 'Mạnh', 'Tiến'];
const MIDDLE_FEMALE = ['Thị', 'Thị', 'Thị', 'Ngọc', 'Thu', 'Thanh', 'Minh', 'Kim', 'Phương', 'Hồng', 'Diệu'];
const GIVEN_MALE = [
  'Anh',
  'Bình',
  'Cường',
  'Dũng',
  'Duy',
  'Hải',
  'Hùng',
  'Hưng',
  'Huy',
  'Khánh',
  'Khoa',
  'Long',
  'Minh',
  'Nam',
  'Phong',
  'Phúc',
  'Quân',
  'Sơn',
  'Tâm',
  'Thắng',
  'Thành',
  'Toàn',
  'Trung',
  'Tuấn',
  'Việt',
  'Vinh',
  'Vũ',
];
const GIVEN_FEMALE = [
  'Anh',
  'Chi',
  'Dung',
  'Giang',
  'Hà',
  'Hạnh',
  'Hoa',
  'Hương',
  'Huyền',
  'Lan',
  'Linh',
  'Loan',
  'Mai',
  'Ngân',
  'Nhung',
  'Oanh',
  'Phương',
  'Quỳnh',
  'Thảo',
  'Trang',
  'Tuyết',
  'Vân',
  'Xuân',
  'Yến',
];
const POSITIONS = [
  'Chuyên viên',
  'Chuyên viên chính',
  'Phó Trưởng phòng',
  'Trưởng phòng',
  'Giáo viên',
  'Bác sĩ',
  'Kế toán',
  'Cán sự',
];

/** Departments and districts of the province, with their document symbols. */
const DEPARTMENTS: [string, string, 'DEPARTMENT' | 'DISTRICT'][] = [
  ['Sở Nội vụ', 'SNV', 'DEPARTMENT'],
  ['Sở Tài chính', 'STC', 'DEPARTMENT'],
  ['Sở Tư pháp', 'STP', 'DEPARTMENT'],
  ['Sở Công Thương', 'SCT', 'DEPARTMENT'],
  ['Sở Giáo dục và Đào tạo', 'SGDĐT', 'DEPARTMENT'],
  ['Sở Y tế', 'SYT', 'DEPARTMENT'],
  ['Sở Xây dựng', 'SXD', 'DEPARTMENT'],
  ['Sở Khoa học và Công nghệ', 'SKHCN', 'DEPARTMENT'],
  ['Sở Văn hóa, Thể thao và Du lịch', 'SVHTTDL', 'DEPARTMENT'],
  ['Sở Nông nghiệp và Môi trường', 'SNNMT', 'DEPARTMENT'],
  ['Sở Dân tộc và Tôn giáo', 'SDTTG', 'DEPARTMENT'],
  ['Sở Ngoại vụ', 'SNgV', 'DEPARTMENT'],
  ['Thanh tra tỉnh', 'TTr', 'DEPARTMENT'],
  ['Văn phòng UBND tỉnh', 'VPUBND', 'DEPARTMENT'],
  ['UBND thành phố Điện Biên Phủ', 'UBND-TP', 'DISTRICT'],
  ['UBND thị xã Mường Lay', 'UBND-TXML', 'DISTRICT'],
  ['UBND huyện Điện Biên', 'UBND-HĐB', 'DISTRICT'],
  ['UBND huyện Điện Biên Đông', 'UBND-HĐBĐ', 'DISTRICT'],
  ['UBND huyện Mường Ảng', 'UBND-HMA', 'DISTRICT'],
  ['UBND huyện Tuần Giáo', 'UBND-HTG', 'DISTRICT'],
  ['UBND huyện Tủa Chùa', 'UBND-HTC', 'DISTRICT'],
  ['UBND huyện Mường Chà', 'UBND-HMC', 'DISTRICT'],
  ['UBND huyện Mường Nhé', 'UBND-HMN', 'DISTRICT'],
  ['UBND huyện Nậm Pồ', 'UBND-HNP', 'DISTRICT'],
];
const UNIT_NAMES = [
  'Văn phòng',
  'Phòng Tổ chức cán bộ',
  'Phòng Kế hoạch – Tài chính',
  'Thanh tra',
  'Phòng Pháp chế',
  'Phòng Quản lý nghiệp vụ',
  'Phòng Tổng hợp',
  'Trung tâm Dịch vụ công',
  'Trung tâm Thông tin',
  'Phòng Hành chính',
  'Phòng Kiểm tra',
  'Phòng Thống kê',
  'Trung tâm Đào tạo',
  'Phòng Hợp tác',
  'Phòng Chính sách',
  'Ban Quản lý dự án',
  'Trung tâm Kỹ thuật',
  'Phòng Truyền thông',
  'Phòng Quản trị',
  'Trung tâm Lưu trữ',
];

/**
 * Award mix per person and year (one award at most): cumulative probabilities. About 30 % of the
 * person-years present get one, which gives ≈1,000,000 awards at scale 1.
 */
const INDIVIDUAL_MIX: [number, string][] = [
  [0.225, 'LAO_DONG_TIEN_TIEN'],
  [0.27, 'GIAY_KHEN'],
  [0.2925, 'CHIEN_SI_THI_DUA_CO_SO'],
  [0.297, 'BANG_KHEN_TINH'],
  [0.298, 'CHIEN_SI_THI_DUA_TINH'],
];
/** Codes a department (or district) decides; the others are the province's. */
const DEPARTMENT_CODES = ['LAO_DONG_TIEN_TIEN', 'GIAY_KHEN', 'CHIEN_SI_THI_DUA_CO_SO', 'TAP_THE_LAO_DONG_TIEN_TIEN'];
const PROVINCE_CODES = ['BANG_KHEN_TINH', 'CHIEN_SI_THI_DUA_TINH', 'TAP_THE_LAO_DONG_XUAT_SAC'];

async function timed(client: pg.Client, log: Log, label: string, sql: string, params: unknown[] = []): Promise<void> {
  const startedAt = Date.now();
  const result = await client.query(sql, params);
  log(`  ${label}: ${result.rowCount ?? 0} rows in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
}

/** The regime in force on a decision date (src/rules/regimes.ts), as SQL. */
const REGIME_OF = (date: string): string =>
  `CASE WHEN ${date} <= DATE '2023-12-31' THEN 'TDKT_2003_ND91' WHEN ${date} <= DATE '2025-06-30' THEN 'TDKT_2022_ND98' ELSE 'TDKT_2022_ND152' END`;

/** Statutory base salary (lương cơ sở) on a date, VND. */
const BASE_SALARY_OF = (date: string): string =>
  `CASE WHEN ${date} >= DATE '2024-07-01' THEN 2340000 WHEN ${date} >= DATE '2023-07-01' THEN 1800000 ELSE 1490000 END`;

async function load(client: pg.Client, size: SeedSize, log: Log): Promise<void> {
  log(
    `seeding: ${size.departments} departments × ${size.unitsPerDepartment} units, ${size.individuals} individuals, ${FIRST_YEAR}–${LAST_YEAR}`,
  );
  await client.query(`SET session_replication_role = replica`);
  await client.query(`SET synchronous_commit = off`);
  await client.query(`SET maintenance_work_mem = '512MB'`);
  await client.query(`SET work_mem = '256MB'`);
  await client.query(`SET max_parallel_maintenance_workers = 2`);
  await client.query(`SELECT setseed(0.2026)`);

  const { rows: tables } = await client.query<{ name: string }>(
    `SELECT quote_ident(tablename) AS name FROM pg_tables
      WHERE schemaname = 'public' AND tablename NOT IN ('schema_migrations', 'award_types', 'rule_settings', 'bench_seed')`,
  );
  await client.query(`TRUNCATE ${tables.map((t) => t.name).join(', ')} RESTART IDENTITY CASCADE`);
  await client.query(`DELETE FROM bench_seed`);
  // The truncate emptied the register's version row and the load runs without triggers: a new version marks the
  // seeded register, so the public reads carry an ETag again.
  await client.query(
    `INSERT INTO register_version (id, version) VALUES (1, nextval('register_version_seq'))
     ON CONFLICT (id) DO UPDATE SET version = excluded.version, changed_at = now()`,
  );

  const dropped = await dropIndexesForLoad(client, ['awards', 'individuals', 'individual_ratings', 'decisions']);
  log(`  dropped ${dropped.length} indexes for the load`);

  await timed(
    client,
    log,
    'organizations',
    `
    WITH province AS (
      INSERT INTO organizations (code, name, short_name, kind, document_symbol)
      VALUES ('BENCH-TINH', 'UBND tỉnh Điện Biên', 'UBND tỉnh', 'PROVINCE', 'UBND') RETURNING id
    ), departments AS (
      INSERT INTO organizations (code, name, short_name, kind, parent_id, document_symbol)
      SELECT format('BENCH-D%s', lpad(d::text, 2, '0')), (${sqlArray(DEPARTMENTS.map((x) => x[0]))})[d],
             (${sqlArray(DEPARTMENTS.map((x) => x[1]))})[d], (${sqlArray(DEPARTMENTS.map((x) => x[2]))})[d],
             province.id, (${sqlArray(DEPARTMENTS.map((x) => x[1]))})[d]
        FROM province, generate_series(1, $1::int) d
      RETURNING id, code, short_name
    )
    INSERT INTO organizations (code, name, kind, parent_id, document_symbol)
    SELECT d.code || format('-U%s', lpad(u::text, 2, '0')),
           (${sqlArray(UNIT_NAMES)})[1 + (u - 1) % ${UNIT_NAMES.length}]
             || CASE WHEN u > ${UNIT_NAMES.length} THEN format(' %s', u) ELSE '' END || ' – ' || d.short_name,
           'UNIT', d.id, d.short_name
      FROM departments d, generate_series(1, $2::int) u`,
    [size.departments, size.unitsPerDepartment],
  );
  await timed(
    client,
    log,
    'organization_closure',
    `
    INSERT INTO organization_closure (ancestor_id, descendant_id, depth)
    SELECT id, id, 0 FROM organizations
    UNION ALL SELECT parent_id, id, 1 FROM organizations WHERE parent_id IS NOT NULL
    UNION ALL SELECT p.parent_id, o.id, 2 FROM organizations o JOIN organizations p ON p.id = o.parent_id
               WHERE p.parent_id IS NOT NULL`,
  );

  await timed(
    client,
    log,
    'individuals',
    `
    WITH units AS (SELECT array_agg(id ORDER BY code) AS ids FROM organizations WHERE kind = 'UNIT')
    INSERT INTO individuals (full_name, gender, birth_date, national_id, position, organization_id, joined_on)
    SELECT (${sqlArray(FAMILY)})[1 + floor(r1 * ${FAMILY.length})::int] || ' ' ||
           CASE WHEN male THEN (${sqlArray(MIDDLE_MALE)})[1 + floor(r2 * ${MIDDLE_MALE.length})::int]
                ELSE (${sqlArray(MIDDLE_FEMALE)})[1 + floor(r2 * ${MIDDLE_FEMALE.length})::int] END || ' ' ||
           CASE WHEN male THEN (${sqlArray(GIVEN_MALE)})[1 + floor(r3 * ${GIVEN_MALE.length})::int]
                ELSE (${sqlArray(GIVEN_FEMALE)})[1 + floor(r3 * ${GIVEN_FEMALE.length})::int] END,
           CASE WHEN male THEN 'MALE' ELSE 'FEMALE' END,
           DATE '1962-01-01' + floor(r4 * 365 * 36)::int,
           '0' || lpad((11000000000 + g)::text, 11, '0'),
           (${sqlArray(POSITIONS)})[1 + floor(r5 * ${POSITIONS.length})::int],
           units.ids[1 + floor(r6 * array_length(units.ids, 1))::int],
           DATE '1988-01-01' + floor(r7 * 365 * 33)::int
      FROM units, (SELECT g, random() < 0.5 AS male, random() AS r1, random() AS r2, random() AS r3, random() AS r4,
                          random() AS r5, random() AS r6, random() AS r7
                     FROM generate_series(1, $1::int) g) s`,
    [size.individuals],
  );

  await timed(
    client,
    log,
    'individual_ratings',
    `
    INSERT INTO individual_ratings (individual_id, year, rating)
    SELECT id, y, CASE WHEN r < 0.15 THEN 'HTXS' WHEN r < 0.8 THEN 'HTT' WHEN r < 0.98 THEN 'HT' ELSE 'KHT' END
      FROM (SELECT i.id, y, random() AS r FROM individuals i, generate_series(${FIRST_YEAR}, ${LAST_YEAR}) y
             WHERE i.joined_on <= make_date(y, 12, 31)) s`,
  );

  // Decisions: per department and year one for each code it decides (Giấy khen three times a year, on different
  // dates), per year one for each code the province decides. Ids are drawn first so the awards can find theirs.
  await client.query(`CREATE TEMP TABLE bench_decisions (
      id uuid NOT NULL DEFAULT gen_random_uuid(), issuer_id uuid NOT NULL, award_year int NOT NULL,
      award_code text NOT NULL, slot int NOT NULL, issued_on date NOT NULL, regime text, number_text text) ON COMMIT DROP`);
  await timed(
    client,
    log,
    'decision plan',
    `
    INSERT INTO bench_decisions (issuer_id, award_year, award_code, slot, issued_on)
    SELECT o.id, y, code, slot,
           CASE WHEN code = 'GIAY_KHEN' AND slot = 1 THEN make_date(y, 6, 10) + (o.n % 20)
                WHEN code = 'GIAY_KHEN' AND slot = 2 THEN make_date(y, 12, 5) + (o.n % 20)
                WHEN code = 'GIAY_KHEN' THEN make_date(y + 1, 1, 5) + (o.n % 20)
                WHEN o.kind = 'PROVINCE' THEN make_date(y + 1, 2, 1) + array_position(${sqlArray(PROVINCE_CODES)}, code)
                ELSE make_date(y + 1, 1, 8) + (o.n % 15) + array_position(${sqlArray(DEPARTMENT_CODES)}, code) END
      FROM (SELECT id, kind, row_number() OVER (ORDER BY code)::int AS n FROM organizations WHERE kind <> 'UNIT') o,
           generate_series(${FIRST_YEAR}, ${LAST_YEAR}) y,
           unnest(CASE WHEN o.kind = 'PROVINCE' THEN ${sqlArray(PROVINCE_CODES)} ELSE ${sqlArray(DEPARTMENT_CODES)} END) code,
           generate_series(1, CASE WHEN code = 'GIAY_KHEN' THEN 3 ELSE 1 END) slot`,
  );
  await client.query(`UPDATE bench_decisions SET regime = ${REGIME_OF('issued_on')}`);
  await timed(
    client,
    log,
    'decisions',
    `
    INSERT INTO decisions (id, issuer_organization_id, authority, year, number, number_text, issued_on, signer_name,
                           signer_title, signing_mode, regime)
    SELECT b.id, b.issuer_id,
           CASE o.kind WHEN 'PROVINCE' THEN 'PROVINCE_CHAIR' WHEN 'DISTRICT' THEN 'DISTRICT_CHAIR' ELSE 'DEPARTMENT_HEAD' END,
           extract(year FROM b.issued_on)::int, n, n || '/QĐ-' || o.document_symbol, b.issued_on,
           (${sqlArray(FAMILY)})[1 + abs(hashtext(o.code)) % ${FAMILY.length}] || ' Văn '
             || (${sqlArray(GIVEN_MALE)})[1 + abs(hashtext(o.code || b.award_year)) % ${GIVEN_MALE.length}],
           CASE o.kind WHEN 'PROVINCE' THEN 'Phó Chủ tịch' WHEN 'DISTRICT' THEN 'Chủ tịch' ELSE 'Giám đốc' END,
           CASE o.kind WHEN 'PROVINCE' THEN 'ON_BEHALF' ELSE 'DIRECT' END,
           b.regime
      FROM (SELECT *, row_number() OVER (PARTITION BY issuer_id, extract(year FROM issued_on) ORDER BY issued_on, award_code, slot)
                        * 7 AS n
              FROM bench_decisions) b
      JOIN organizations o ON o.id = b.issuer_id`,
  );
  // Each award carries its decision's number (the AwardDecisionNumbers migration).
  await client.query(`UPDATE bench_decisions b SET number_text = d.number_text FROM decisions d WHERE d.id = b.id`);
  await client.query(`CREATE INDEX ON bench_decisions (issuer_id, award_year, award_code, slot)`);
  await client.query(`ANALYZE bench_decisions`);

  const mix = INDIVIDUAL_MIX.map(([p, code]) => `WHEN r < ${p} THEN '${code}'`).join(' ');
  await timed(
    client,
    log,
    'awards (individuals)',
    `
    INSERT INTO awards (id, decision_id, decision_number, year, award_code, basis, recipient_kind, individual_id,
                        organization_id, proposing_organization_id, recipient_name, organization_name, issued_on, regime,
                        bonus_amount, verification_code, revoked_at, revoked_reason, period_from, period_to)
    SELECT x.award_id, d.id, d.number_text, x.y, x.code, 'REGULAR', 'INDIVIDUAL', x.individual_id, x.unit_id,
           CASE WHEN x.code = ANY(${sqlArray(PROVINCE_CODES)}) THEN x.department_id ELSE x.unit_id END,
           x.full_name, x.unit_name, d.issued_on, d.regime,
           ceil((t.bonus_multipliers ->> d.regime)::numeric * ${BASE_SALARY_OF('d.issued_on')} / 10000) * 10000,
           upper(left(md5(x.award_id::text), 20)),
           CASE WHEN x.revoke < 0.002 THEN d.issued_on + 400 END,
           CASE WHEN x.revoke < 0.002 THEN 'Thu hồi theo kết luận thanh tra' END,
           x.y, x.y
      FROM (SELECT gen_random_uuid() AS award_id, i.id AS individual_id, i.full_name, i.organization_id AS unit_id,
                   u.name AS unit_name, u.parent_id AS department_id, y,
                   CASE ${mix} END AS code, random() AS slot, random() AS revoke
              FROM (SELECT i.*, y, random() AS r FROM individuals i, generate_series(${FIRST_YEAR}, ${LAST_YEAR}) y
                     WHERE i.joined_on <= make_date(y, 12, 31)) i
              JOIN organizations u ON u.id = i.organization_id) x
      JOIN bench_decisions d
        ON d.issuer_id = CASE WHEN x.code = ANY(${sqlArray(PROVINCE_CODES)})
                              THEN (SELECT id FROM organizations WHERE code = 'BENCH-TINH') ELSE x.department_id END
       AND d.award_year = x.y AND d.award_code = x.code
       AND d.slot = CASE WHEN x.code = 'GIAY_KHEN' THEN 1 + floor(x.slot * 3)::int ELSE 1 END
      JOIN award_types t ON t.code = x.code
     WHERE x.code IS NOT NULL`,
  );

  await timed(
    client,
    log,
    'awards (collectives)',
    `
    INSERT INTO awards (id, decision_id, decision_number, year, award_code, basis, recipient_kind, organization_id,
                        proposing_organization_id, recipient_name, organization_name, issued_on, regime, bonus_amount,
                        verification_code, period_from, period_to)
    SELECT x.award_id, d.id, d.number_text, x.y, x.code, 'REGULAR', 'COLLECTIVE', x.unit_id, x.department_id, x.name, x.name,
           d.issued_on, d.regime,
           ceil((t.bonus_multipliers ->> d.regime)::numeric * t.collective_bonus_factor * ${BASE_SALARY_OF('d.issued_on')} / 10000) * 10000,
           upper(left(md5(x.award_id::text), 20)), x.y, x.y
      FROM (SELECT gen_random_uuid() AS award_id, u.id AS unit_id, u.name, u.parent_id AS department_id, y,
                   CASE WHEN r < 0.1 THEN 'TAP_THE_LAO_DONG_XUAT_SAC' WHEN r < 0.6 THEN 'TAP_THE_LAO_DONG_TIEN_TIEN' END AS code
              FROM (SELECT u.*, y, random() AS r FROM organizations u, generate_series(${FIRST_YEAR}, ${LAST_YEAR}) y
                     WHERE u.kind = 'UNIT') u) x
      JOIN bench_decisions d
        ON d.issuer_id = CASE WHEN x.code = 'TAP_THE_LAO_DONG_XUAT_SAC'
                              THEN (SELECT id FROM organizations WHERE code = 'BENCH-TINH') ELSE x.department_id END
       AND d.award_year = x.y AND d.award_code = x.code AND d.slot = 1
      JOIN award_types t ON t.code = x.code
     WHERE x.code IS NOT NULL`,
  );

  for (const index of dropped) {
    const startedAt = Date.now();
    await client.query(index.create);
    log(`  index ${index.name}: ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
  }
}

/**
 * Drops the indexes of `tables` for the load, returning how to rebuild each: plain indexes, and the primary keys
 * and unique constraints of tables no foreign key points at (maintaining a random-uuid key row by row is what
 * makes a bulk insert slow).
 */
async function dropIndexesForLoad(client: pg.Client, tables: string[]): Promise<{ name: string; create: string }[]> {
  const { rows } = await client.query<{ name: string; drop: string; create: string }>(
    `SELECT quote_ident(c.relname) AS name, format('DROP INDEX %I', c.relname) AS drop,
            pg_get_indexdef(i.indexrelid) AS create
       FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid
      WHERE t.relname = ANY($1) AND t.relnamespace = 'public'::regnamespace
        AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
     UNION ALL
     SELECT quote_ident(k.conname), format('ALTER TABLE %I DROP CONSTRAINT %I', t.relname, k.conname),
            format('ALTER TABLE %I ADD CONSTRAINT %I %s', t.relname, k.conname, pg_get_constraintdef(k.oid))
       FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid
      WHERE t.relname = ANY($1) AND t.relnamespace = 'public'::regnamespace AND k.contype IN ('p', 'u')
        AND NOT EXISTS (SELECT 1 FROM pg_constraint f WHERE f.contype = 'f' AND f.confrelid = t.oid)`,
    [tables],
  );
  for (const row of rows) await client.query(row.drop);
  return rows;
}
