/**
 * The demo data set (README, seed story): Sở Thông tin và Truyền thông tỉnh Điện Biên, year 2023. The event is real
 * (the year-end conference of 23 January 2024); the names of the units' staff are invented, since the article
 * does not give them. The Sở then merges into Sở Khoa học và Công nghệ on 2025-03-01 (`DEMO_MERGER`).
 */

export interface DemoOrganization {
  key: string;
  code: string;
  name: string;
  shortName?: string;
  kind: 'PROVINCE' | 'DEPARTMENT' | 'DISTRICT' | 'UNIT';
  parent?: string;
  documentSymbol?: string;
}

export interface DemoIndividual {
  key: string;
  fullName: string;
  gender: 'MALE' | 'FEMALE';
  birthDate: string;
  position: string;
  unit: string;
  /** Joined this unit. */
  joinedOn: string;
  /** Entered public service (R-LDTT-2, R-LDTT-3 count from it); earlier than `joinedOn` for a transferee. */
  recruitedOn: string;
  ratings: Partial<Record<number, 'HTXS' | 'HTT' | 'HT'>>;
  /** The CCCD number, for the people the history file names by it (invented, Điện Biên's prefix 011). */
  nationalId?: string;
  initiatives?: { year: number; title: string; level: 'UNIT' | 'PROVINCE'; recognizedOn: string }[];
}

export const DEMO_ORGANIZATIONS: DemoOrganization[] = [
  {
    key: 'province',
    code: 'DB-UBND',
    name: 'Ủy ban nhân dân tỉnh Điện Biên',
    shortName: 'UBND tỉnh Điện Biên',
    kind: 'PROVINCE',
    documentSymbol: 'UBND',
  },
  {
    key: 'stttt',
    code: 'DB-STTTT',
    name: 'Sở Thông tin và Truyền thông tỉnh Điện Biên',
    shortName: 'Sở TT&TT',
    kind: 'DEPARTMENT',
    parent: 'province',
    documentSymbol: 'STTTT',
  },
  {
    key: 'office',
    code: 'DB-STTTT-VP',
    name: 'Văn phòng Sở Thông tin và Truyền thông',
    shortName: 'Văn phòng Sở',
    kind: 'UNIT',
    parent: 'stttt',
  },
  {
    key: 'inspection',
    code: 'DB-STTTT-TTRA',
    name: 'Thanh tra Sở Thông tin và Truyền thông',
    shortName: 'Thanh tra Sở',
    kind: 'UNIT',
    parent: 'stttt',
  },
  {
    key: 'telecom',
    code: 'DB-STTTT-BCVT',
    name: 'Phòng Bưu chính, Viễn thông và Công nghệ thông tin',
    shortName: 'Phòng BCVT&CNTT',
    kind: 'UNIT',
    parent: 'stttt',
  },
  {
    key: 'press',
    code: 'DB-STTTT-TTBC',
    name: 'Phòng Thông tin - Báo chí - Xuất bản',
    shortName: 'Phòng TT-BC-XB',
    kind: 'UNIT',
    parent: 'stttt',
  },
  {
    key: 'ictCentre',
    code: 'DB-STTTT-CNTT',
    name: 'Trung tâm Công nghệ thông tin và Truyền thông',
    shortName: 'Trung tâm CNTT&TT',
    kind: 'UNIT',
    parent: 'stttt',
  },
  {
    key: 'city',
    code: 'DB-TP-DBP',
    name: 'Ủy ban nhân dân thành phố Điện Biên Phủ',
    shortName: 'UBND TP Điện Biên Phủ',
    kind: 'DISTRICT',
    parent: 'province',
    documentSymbol: 'UBND',
  },
  {
    key: 'cityCulture',
    code: 'DB-TP-DBP-VHTT',
    name: 'Phòng Văn hóa và Thông tin thành phố Điện Biên Phủ',
    kind: 'UNIT',
    parent: 'city',
  },
  {
    key: 'tuanGiao',
    code: 'DB-H-TUANGIAO',
    name: 'Ủy ban nhân dân huyện Tuần Giáo',
    shortName: 'UBND huyện Tuần Giáo',
    kind: 'DISTRICT',
    parent: 'province',
    documentSymbol: 'UBND',
  },
  {
    key: 'tuanGiaoCulture',
    code: 'DB-H-TUANGIAO-VHTT',
    name: 'Phòng Văn hóa và Thông tin huyện Tuần Giáo',
    kind: 'UNIT',
    parent: 'tuanGiao',
  },
  {
    key: 'skhcn',
    code: 'DB-SKHCN',
    name: 'Sở Khoa học và Công nghệ tỉnh Điện Biên',
    shortName: 'Sở KH&CN',
    kind: 'DEPARTMENT',
    parent: 'province',
    documentSymbol: 'SKHCN',
  },
];

/**
 * The 2025 merger (Circular 15/2025/TT-BNV): Sở Thông tin và Truyền thông ceases on 2025-03-01 and Sở Khoa học và
 * Công nghệ takes over. Its units are dissolved first (a child may not outlive its parent), then the Sở itself; the
 * 2023 awards and decisions keep pointing at them, and at their names.
 */
export const DEMO_MERGER = {
  on: '2025-03-01',
  successor: 'skhcn',
  dissolved: ['office', 'inspection', 'telecom', 'press', 'ictCentre', 'stttt'],
} as const;

/** People moved explicitly to the successor on the day of the merger; their 2023 awards stay with the Sở. */
export const DEMO_MOVES = [{ person: 'an', to: 'skhcn', joinedOn: '2025-03-01' }] as const;

/** The 7 collectives granted a Giấy khen for 2023. */
export const GIAY_KHEN_COLLECTIVES = [
  'office',
  'inspection',
  'telecom',
  'press',
  'ictCentre',
  'cityCulture',
  'tuanGiaoCulture',
];

const good = { 2022: 'HTT', 2023: 'HTT' } as const;
const excellent = { 2022: 'HTXS', 2023: 'HTXS' } as const;

/** The 11 individuals granted a Giấy khen for 2023 (invented names). */
export const GIAY_KHEN_INDIVIDUALS: DemoIndividual[] = [
  {
    key: 'thang',
    fullName: 'Lò Văn Thắng',
    gender: 'MALE',
    birthDate: '1978-04-12',
    position: 'Chánh Văn phòng',
    unit: 'office',
    joinedOn: '2004-09-01',
    recruitedOn: '2004-09-01',
    ratings: good,
  },
  {
    key: 'huong',
    fullName: 'Nguyễn Thị Hương',
    gender: 'FEMALE',
    birthDate: '1988-11-02',
    position: 'Chuyên viên',
    unit: 'office',
    joinedOn: '2012-03-15',
    recruitedOn: '2009-08-01',
    ratings: good,
  },
  {
    key: 'mai',
    fullName: 'Quàng Thị Mai',
    gender: 'FEMALE',
    birthDate: '1990-06-25',
    position: 'Kế toán',
    unit: 'office',
    joinedOn: '2014-07-01',
    recruitedOn: '2014-07-01',
    ratings: good,
  },
  {
    key: 'duc',
    fullName: 'Trần Minh Đức',
    gender: 'MALE',
    birthDate: '1976-01-30',
    position: 'Chánh Thanh tra',
    unit: 'inspection',
    joinedOn: '2003-02-10',
    recruitedOn: '2003-02-10',
    ratings: excellent,
  },
  {
    key: 'hung',
    fullName: 'Lường Văn Hùng',
    gender: 'MALE',
    birthDate: '1980-08-19',
    position: 'Trưởng phòng',
    unit: 'telecom',
    joinedOn: '2006-10-01',
    recruitedOn: '2006-10-01',
    ratings: good,
  },
  {
    key: 'trang',
    fullName: 'Phạm Thu Trang',
    gender: 'FEMALE',
    birthDate: '1992-12-08',
    position: 'Chuyên viên',
    unit: 'telecom',
    joinedOn: '2016-05-16',
    recruitedOn: '2011-10-03',
    ratings: good,
  },
  {
    key: 'huy',
    fullName: 'Đỗ Quang Huy',
    gender: 'MALE',
    birthDate: '1983-03-03',
    position: 'Trưởng phòng',
    unit: 'press',
    joinedOn: '2008-08-01',
    recruitedOn: '2008-08-01',
    ratings: good,
  },
  {
    key: 'lan',
    fullName: 'Cà Thị Lan',
    gender: 'FEMALE',
    birthDate: '1991-09-14',
    position: 'Chuyên viên',
    unit: 'press',
    joinedOn: '2015-01-05',
    recruitedOn: '2015-01-05',
    ratings: good,
  },
  {
    key: 'su',
    fullName: 'Vàng A Sử',
    gender: 'MALE',
    birthDate: '1979-05-21',
    position: 'Giám đốc Trung tâm',
    unit: 'ictCentre',
    joinedOn: '2005-04-01',
    recruitedOn: '2005-04-01',
    ratings: good,
  },
  {
    key: 'nam',
    fullName: 'Hoàng Văn Nam',
    gender: 'MALE',
    birthDate: '1994-02-17',
    position: 'Kỹ sư',
    unit: 'ictCentre',
    joinedOn: '2018-09-10',
    recruitedOn: '2018-09-10',
    ratings: good,
  },
  {
    key: 'anh',
    fullName: 'Bùi Thị Ngọc Ánh',
    gender: 'FEMALE',
    birthDate: '1996-07-07',
    position: 'Kỹ thuật viên',
    unit: 'ictCentre',
    joinedOn: '2020-02-03',
    recruitedOn: '2014-09-15',
    ratings: good,
  },
];

/**
 * Individuals presented a Bằng khen of the Chairman of UBND tỉnh for 2023 (invented names). A regular Giấy
 * khen and Bằng khen for the same person and year would reward one achievement twice (R-DUP-1), so they are
 * other people; each meets R-BK-1 through HTXS in 2022 and 2023 and two recognised initiatives.
 */
export const BANG_KHEN_INDIVIDUALS: DemoIndividual[] = [
  {
    key: 'an',
    fullName: 'Nguyễn Văn An',
    gender: 'MALE',
    birthDate: '1975-10-10',
    // Named by it in the history file: he moved to Sở KH&CN in 2025, so his old unit no longer finds him by name.
    nationalId: '011075100101',
    position: 'Phó Giám đốc Sở',
    unit: 'stttt',
    joinedOn: '2000-06-01',
    recruitedOn: '2000-06-01',
    ratings: excellent,
    initiatives: [
      {
        year: 2022,
        title: 'Nền tảng chia sẻ, tích hợp dữ liệu dùng chung tỉnh Điện Biên',
        level: 'PROVINCE',
        recognizedOn: '2022-12-20',
      },
      {
        year: 2023,
        title: 'Chuyển đổi số trong cải cách hành chính cấp xã',
        level: 'PROVINCE',
        recognizedOn: '2023-12-18',
      },
    ],
  },
  {
    key: 'ha',
    fullName: 'Lò Thị Thanh Hà',
    gender: 'FEMALE',
    birthDate: '1984-01-22',
    position: 'Phó Trưởng phòng',
    unit: 'press',
    joinedOn: '2009-03-01',
    recruitedOn: '2009-03-01',
    ratings: excellent,
    initiatives: [
      {
        year: 2022,
        title: 'Bộ quy trình thẩm định xuất bản phẩm không kinh doanh',
        level: 'UNIT',
        recognizedOn: '2022-11-30',
      },
      { year: 2023, title: 'Sổ tay thông tin cơ sở song ngữ Việt - Thái', level: 'UNIT', recognizedOn: '2023-11-28' },
    ],
  },
  {
    key: 'dinh',
    fullName: 'Mùa A Dính',
    gender: 'MALE',
    birthDate: '1989-04-04',
    position: 'Kỹ sư',
    unit: 'ictCentre',
    joinedOn: '2013-10-14',
    recruitedOn: '2013-10-14',
    ratings: excellent,
    initiatives: [
      {
        year: 2022,
        title: 'Giám sát an toàn thông tin tập trung cho các sở, ngành',
        level: 'UNIT',
        recognizedOn: '2022-12-05',
      },
      {
        year: 2023,
        title: 'Hệ thống phản ánh hiện trường qua điện thoại di động',
        level: 'PROVINCE',
        recognizedOn: '2023-12-18',
      },
    ],
  },
];

const staff = (
  key: string,
  fullName: string,
  gender: 'MALE' | 'FEMALE',
  birthDate: string,
  nationalId: string,
  position: string,
  unit: string,
  joinedOn: string,
  recruitedOn = joinedOn,
): DemoIndividual => ({
  key,
  fullName,
  gender,
  birthDate,
  nationalId,
  position,
  unit,
  joinedOn,
  recruitedOn,
  ratings: {},
});

/**
 * The rest of the Sở's staff (invented names and national ids): no award in the 2023 story, but five years of titles
 * and forms in the demo history file (`demo/history/dien-bien-2019-2023.csv`, named there by national id; the people
 * above are named by name and unit).
 */
export const DEMO_STAFF: DemoIndividual[] = [
  staff(
    'khanhvp',
    'Tòng Văn Khánh',
    'MALE',
    '1982-03-14',
    '011082112648',
    'Phó Chánh Văn phòng',
    'office',
    '2007-09-01',
  ),
  staff('thuha', 'Lê Thị Thu Hà', 'FEMALE', '1987-07-22', '011187120567', 'Chuyên viên', 'office', '2011-04-01'),
  staff('duyen', 'Vì Thị Duyên', 'FEMALE', '1993-10-05', '011193128486', 'Văn thư', 'office', '2016-08-15'),
  staff('thinh', 'Nguyễn Đức Thịnh', 'MALE', '1985-12-01', '011085136405', 'Chuyên viên', 'office', '2010-10-01'),
  staff('tuanvp', 'Hà Văn Tuấn', 'MALE', '1990-02-11', '011090144324', 'Nhân viên lái xe', 'office', '2013-05-02'),
  staff('hoa', 'Điêu Thị Hoa', 'FEMALE', '1989-06-18', '011189152243', 'Kế toán viên', 'office', '2012-09-04'),
  staff('cuong', 'Phạm Văn Cường', 'MALE', '1984-09-27', '011084160162', 'Chuyên viên', 'office', '2009-03-02'),
  staff('ngan', 'Lường Thị Ngân', 'FEMALE', '1995-04-09', '011195168081', 'Thủ quỹ', 'office', '2018-06-01'),
  staff(
    'manhhung',
    'Nguyễn Mạnh Hùng',
    'MALE',
    '1981-01-19',
    '011081176000',
    'Phó Chánh Thanh tra',
    'inspection',
    '2006-07-01',
    '2004-08-16',
  ),
  staff('hai', 'Quàng Văn Hải', 'MALE', '1986-11-23', '011086183919', 'Thanh tra viên', 'inspection', '2010-02-01'),
  staff(
    'thao',
    'Trần Thị Thu Thảo',
    'FEMALE',
    '1990-08-30',
    '011190191838',
    'Thanh tra viên',
    'inspection',
    '2014-03-03',
  ),
  staff('sung', 'Giàng A Sùng', 'MALE', '1992-05-12', '011092199757', 'Chuyên viên', 'inspection', '2017-09-01'),
  staff('hang', 'Đinh Thị Hằng', 'FEMALE', '1988-12-16', '011188207676', 'Chuyên viên', 'inspection', '2012-12-03'),
  staff('tien', 'Lò Văn Tiến', 'MALE', '1983-02-25', '011083215595', 'Phó Trưởng phòng', 'telecom', '2008-04-01'),
  staff('phuong', 'Vũ Thị Phương', 'FEMALE', '1989-09-09', '011189223514', 'Chuyên viên', 'telecom', '2013-10-01'),
  staff('khanhbc', 'Nguyễn Quốc Khánh', 'MALE', '1991-09-02', '011091231433', 'Chuyên viên', 'telecom', '2015-07-01'),
  staff('thom', 'Cầm Thị Thơm', 'FEMALE', '1994-03-08', '011194239352', 'Chuyên viên', 'telecom', '2017-11-01'),
  staff('pao', 'Sùng A Páo', 'MALE', '1993-07-15', '011093247271', 'Chuyên viên', 'telecom', '2016-12-01'),
  staff('long', 'Bùi Văn Long', 'MALE', '1987-10-20', '011087255190', 'Chuyên viên', 'telecom', '2011-06-01'),
  staff('yen', 'Hoàng Thị Yến', 'FEMALE', '1996-01-27', '011196263109', 'Chuyên viên', 'telecom', '2019-10-01'),
  staff(
    'nguyet',
    'Đặng Thị Minh Nguyệt',
    'FEMALE',
    '1985-05-04',
    '011185271028',
    'Phó Trưởng phòng',
    'press',
    '2009-09-01',
  ),
  staff('dung', 'Lò Văn Dũng', 'MALE', '1988-08-08', '011088278947', 'Chuyên viên', 'press', '2012-02-01'),
  staff('hien', 'Tòng Thị Hiền', 'FEMALE', '1990-11-11', '011190286866', 'Chuyên viên', 'press', '2014-10-01'),
  staff('thanh', 'Ngô Văn Thành', 'MALE', '1986-04-30', '011086294785', 'Chuyên viên', 'press', '2010-08-02'),
  staff('dua', 'Mùa Thị Dua', 'FEMALE', '1997-06-21', '011197302704', 'Chuyên viên', 'press', '2020-08-03'),
  staff('le', 'Nguyễn Thị Lệ', 'FEMALE', '1983-03-19', '011183310623', 'Chuyên viên', 'press', '2007-05-02'),
  staff(
    'viet',
    'Phạm Quốc Việt',
    'MALE',
    '1982-12-22',
    '011082318542',
    'Phó Giám đốc Trung tâm',
    'ictCentre',
    '2006-09-01',
  ),
  staff('toan', 'Lý Văn Toàn', 'MALE', '1988-01-13', '011088326461', 'Kỹ sư', 'ictCentre', '2012-07-02'),
  staff('my', 'Vừ Thị Mỷ', 'FEMALE', '1995-02-14', '011195334380', 'Kỹ thuật viên', 'ictCentre', '2018-03-01'),
  staff('hungcn', 'Trịnh Văn Hưng', 'MALE', '1990-10-10', '011090342299', 'Kỹ sư', 'ictCentre', '2014-08-01'),
  staff('ngoc', 'Lê Thị Ngọc', 'FEMALE', '1993-12-03', '011193350218', 'Kế toán viên', 'ictCentre', '2016-04-01'),
  staff('quyet', 'Đỗ Văn Quyết', 'MALE', '1986-07-07', '011086358137', 'Kỹ sư', 'ictCentre', '2010-11-01'),
  staff('chien', 'Quàng Văn Chiến', 'MALE', '1991-08-19', '011091366056', 'Kỹ thuật viên', 'ictCentre', '2015-09-01'),
  staff('lananh', 'Tạ Thị Lan Anh', 'FEMALE', '1994-05-25', '011194373975', 'Chuyên viên', 'ictCentre', '2017-02-06'),
  staff('chua', 'Giàng Thị Chua', 'FEMALE', '1996-09-12', '011196381894', 'Kỹ thuật viên', 'ictCentre', '2021-03-01'),
  staff('tuancn', 'Hoàng Minh Tuấn', 'MALE', '1984-06-06', '011084389813', 'Kỹ sư', 'ictCentre', '2009-07-01'),
  staff('manh', 'Lò Văn Mạnh', 'MALE', '1977-11-28', '011077397732', 'Phó Giám đốc Sở', 'stttt', '2001-08-01'),
];

/** The demo province's history (README): the Sở's past decisions and awards, 2019–2023, loaded after the people. */
export const DEMO_HISTORY_FILE = 'demo/history/dien-bien-2019-2023.csv';

/**
 * The Giấy khen decision of the Director of the Sở (the conference of 23 January 2024), with the number its document
 * register gave it (R-NUM-1: the Sở numbers from its register, the default).
 */
export const GIAY_KHEN_DECISION = {
  issuer: 'stttt',
  authority: 'DEPARTMENT_HEAD' as const,
  number: '01/QĐ-STTTT',
  issuedOn: '2024-01-23',
  signerName: 'Vũ Anh Dũng',
  signerTitle: 'Giám đốc Sở Thông tin và Truyền thông',
  signingMode: 'DIRECT' as const,
};

/** The Bằng khen decision of the Chairman of UBND tỉnh, signed on his behalf (KT.) by a Vice Chairman. */
export const BANG_KHEN_DECISION = {
  issuer: 'province',
  authority: 'PROVINCE_CHAIR' as const,
  number: '98/QĐ-UBND',
  issuedOn: '2024-01-17',
  signerName: 'Vừ A Bằng',
  signerTitle: 'Phó Chủ tịch Ủy ban nhân dân tỉnh',
  signingMode: 'ON_BEHALF' as const,
};

/**
 * The emulation council of the province (15 members, on file from the start of 2023: R-VOTE-1 counts every vote
 * against it) and its meeting that voted on the Bằng khen nominations (80 %: 13 yes of 15 members, 14 present).
 * The references are invented.
 */
export const PROVINCE_COUNCIL = {
  organization: 'province',
  members: 15,
  effectiveFrom: '2023-01-01',
  reference: '12/QĐ-UBND',
};
export const PROVINCE_COUNCIL_VOTE = {
  heldOn: '2024-01-10',
  minutesReference: 'BB-01/2024/HĐTĐKT',
  members: 15,
  present: 14,
  yes: 13,
};
