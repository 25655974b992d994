/**
 * Messages of the rule engine (src/rules): each cites the article, the numbers used and the facts found. The rule
 * id stays in the check's `rule` field; Vietnamese names the law in full, English keeps the short citations.
 */
export const RULE_MESSAGES = {
  // Facts shared by several rules.
  'facts.rating': { vi: 'năm {year}: {rating}', en: 'rating {year} is {rating}' },
  'facts.noRating': { vi: 'năm {year}: chưa có kết quả xếp loại', en: 'no rating recorded for {year}' },
  'facts.found': { vi: 'đã có', en: 'found' },
  'facts.notFound': { vi: 'chưa có', en: 'not found' },
  'facts.ignoredThematic': {
    vi: '; {count} {award} khen theo chuyên đề, đột xuất không được tính (R-BASIS-1, Điều 4 Nghị định 98/2023/NĐ-CP)',
    en: '; {count} thematic/ad hoc {award} not counted (R-BASIS-1, Decree 98 Art 4)',
  },
  'facts.missingYears': { vi: ' — còn thiếu năm {years}', en: ' — missing {years}' },

  // R-KIND-1, R-BASIS-2 (registry conventions over the catalogue of Law 2022).
  'rules.kind.household': {
    vi: 'Hộ gia đình chỉ được xét tặng Giấy khen và Bằng khen (R-KIND-1, Điều 74, 75 Luật Thi đua, khen thưởng 2022); không thể đề nghị {award} cho hộ gia đình',
    en: 'A household can be given a Giấy khen or a Bằng khen only (R-KIND-1, Law 2022 Art 74–75); {award} cannot be nominated for a household',
  },
  'rules.kind.accepted': {
    vi: '{award} được xét tặng cho {kind} (danh mục danh hiệu thi đua, hình thức khen thưởng của Luật Thi đua, khen thưởng 2022)',
    en: '{award} can be given to {kind} (Law 2022, catalogue of titles and forms)',
  },
  'rules.kind.refused': {
    vi: '{award} chỉ xét tặng cho {allowed} (danh mục danh hiệu thi đua, hình thức khen thưởng của Luật Thi đua, khen thưởng 2022); đối tượng được đề nghị là {kind}',
    en: '{award} is for {allowed} recipients only (Law 2022, catalogue of titles and forms); the nominee is {kind}',
  },
  'rules.basis.titleRegular': {
    vi: '{award} là danh hiệu thi đua, chỉ xét tặng hằng năm theo khen thưởng thường xuyên (REGULAR) (quy ước của hệ thống, R-BASIS-2); phương thức đề nghị: {basis}',
    en: '{award} is an emulation title and is given on the REGULAR (yearly) basis only (registry convention, R-BASIS-2); basis is {basis}',
  },

  // R-LDTT-1, R-LDTT-2.
  'rules.ldtt.rating': {
    vi: 'Danh hiệu Lao động tiên tiến năm {year} yêu cầu xếp loại Hoàn thành tốt nhiệm vụ trở lên (Điều 24 {law}); {rating}.',
    en: 'Lao động tiên tiến {year} needs rating HTT or HTXS in {year} ({law} Art 24); {rating}',
  },
  'rules.ldtt.monthsUnknown': {
    vi: 'Theo Điều 10 Nghị định 91/2017/NĐ-CP, danh hiệu Lao động tiên tiến năm {year} yêu cầu thời gian công tác từ {months} tháng trở lên trong năm {year}; chưa ghi nhận ngày tuyển dụng nên tính đủ cả năm',
    en: 'Under Decree 91 Art 10, Lao động tiên tiến {year} needs at least {months} months of work in {year}; no recruitment date is recorded, so the whole year is assumed',
  },
  'rules.ldtt.months': {
    vi: 'Theo Điều 10 Nghị định 91/2017/NĐ-CP, danh hiệu Lao động tiên tiến năm {year} yêu cầu thời gian công tác từ {months} tháng trở lên trong năm {year} (tuyển dụng từ ngày {latest} trở về trước); ngày tuyển dụng {joinedOn}, đủ {worked} tháng',
    en: 'Under Decree 91 Art 10, Lao động tiên tiến {year} needs at least {months} months of work in {year} (recruited on or before {latest}); recruited on {joinedOn}, {worked} whole months',
  },
  'rules.ldtt.disciplined': {
    vi: 'Theo Điều 10 Nghị định 91/2017/NĐ-CP, người bị kỷ luật từ hình thức khiển trách trở lên trong năm {year} không được xét tặng danh hiệu Lao động tiên tiến năm {year}; có ghi nhận kỷ luật trong năm {year}',
    en: 'Under Decree 91 Art 10, a person disciplined at reprimand (khiển trách) or above in {year} cannot receive Lao động tiên tiến {year}; a disciplinary measure is recorded for {year}',
  },
  'rules.ldtt.notDisciplined': {
    vi: 'Theo Điều 10 Nghị định 91/2017/NĐ-CP, người bị kỷ luật từ hình thức khiển trách trở lên trong năm {year} không được xét tặng danh hiệu Lao động tiên tiến năm {year}; không có ghi nhận kỷ luật',
    en: 'Under Decree 91 Art 10, a person disciplined at reprimand (khiển trách) or above in {year} cannot receive Lao động tiên tiến {year}; none is recorded',
  },

  // R-LDTT-3 (Circular 01/2024/TT-BNV Art 1.5), R-DISC-1 (Decree 98/2023 Art 4; Decree 152/2025).
  'rules.ldtt3.unknown': {
    vi: 'Theo khoản 5 Điều 1 Thông tư 01/2024/TT-BNV, không xét tặng danh hiệu Lao động tiên tiến năm {year} cho người có thời gian công tác dưới {months} tháng trong năm {year}; chưa ghi nhận ngày tuyển dụng nên tính đủ cả năm',
    en: 'Under Circular 01/2024/TT-BNV Art 1.5, Lao động tiên tiến {year} is not given for less than {months} months of service in {year}; no recruitment date is recorded, so the whole year is assumed',
  },
  'rules.ldtt3.months': {
    vi: 'Theo khoản 5 Điều 1 Thông tư 01/2024/TT-BNV, không xét tặng danh hiệu Lao động tiên tiến năm {year} cho người có thời gian công tác dưới {months} tháng trong năm {year} (tuyển dụng từ ngày {latest} trở về trước); ngày tuyển dụng {recruitedOn}, đủ {worked} tháng',
    en: 'Under Circular 01/2024/TT-BNV Art 1.5, Lao động tiên tiến {year} is not given for less than {months} months of service in {year} (recruited on or before {latest}); recruited on {recruitedOn}, {worked} whole months',
  },
  'rules.disc.none': {
    vi: 'Năm có hình thức kỷ luật đang thi hành không được tính để xét danh hiệu thi đua (Điều 4 Nghị định 98/2023/NĐ-CP, Nghị định 152/2025/NĐ-CP); giai đoạn {period} không có năm nào như vậy',
    en: 'A year in which a disciplinary measure was in force does not count for titles (Decree 98 Art 4; Decree 152/2025); none in {period}',
  },
  'rules.disc.years': {
    vi: 'Năm có hình thức kỷ luật đang thi hành không được tính để xét danh hiệu thi đua (Điều 4 Nghị định 98/2023/NĐ-CP, Nghị định 152/2025/NĐ-CP); trong giai đoạn {period} có kỷ luật đang thi hành năm {years}',
    en: 'A year in which a disciplinary measure was in force does not count for titles (Decree 98 Art 4; Decree 152/2025); in {period} a measure was in force in {years}',
  },

  // R-CSCS-1.
  'rules.cscs.ldtt': {
    vi: 'Danh hiệu Chiến sĩ thi đua cơ sở năm {year} yêu cầu đạt danh hiệu Lao động tiên tiến năm {year} (Điều 23 {law}); {found}{ignored}',
    en: 'Chiến sĩ thi đua cơ sở {year} needs Lao động tiên tiến in {year} ({law} Art 23); {found}{ignored}',
  },
  'rules.cscs.initiativeRequired': {
    vi: 'Theo Nghị định 91/2017/NĐ-CP, danh hiệu Chiến sĩ thi đua cơ sở năm {year} yêu cầu có sáng kiến hoặc đề tài nghiên cứu khoa học được công nhận trong năm {year} (Điều 23 {law}); đã ghi nhận {count}',
    en: 'Under Decree 91, Chiến sĩ thi đua cơ sở {year} needs an initiative or research project recognised in {year} ({law} Art 23); found {count}',
  },
  'rules.cscs.htxsOrInitiative': {
    vi: 'Danh hiệu Chiến sĩ thi đua cơ sở năm {year} yêu cầu xếp loại Hoàn thành xuất sắc nhiệm vụ năm {year} hoặc có sáng kiến, đề tài nghiên cứu khoa học được công nhận trong năm {year} (Điều 23 {law}); {rating}; {count} sáng kiến trong năm {year}',
    en: 'Chiến sĩ thi đua cơ sở {year} needs rating HTXS in {year} or an initiative/research project recognised in {year} ({law} Art 23); {rating}, {count} initiative(s) in {year}',
  },

  // R-CSTINH-1, R-CSTQ-1.
  'rules.cstinh.cscs': {
    vi: 'Danh hiệu Chiến sĩ thi đua cấp tỉnh năm {year} yêu cầu đạt Chiến sĩ thi đua cơ sở trong từng năm {window} (3 năm liên tục, Điều 22 {law}); đã đạt trong năm: {found}{missing}{ignored}',
    en: 'Chiến sĩ thi đua cấp tỉnh {year} needs Chiến sĩ thi đua cơ sở in each of {window} (3 consecutive years, {law} Art 22); found in {found}{missing}{ignored}',
  },
  'rules.cstinh.initiative': {
    vi: 'Danh hiệu Chiến sĩ thi đua cấp tỉnh năm {year} yêu cầu có sáng kiến hoặc đề tài nghiên cứu khoa học được công nhận cấp tỉnh hoặc toàn quốc trong giai đoạn {from}–{year} (Điều 22 {law}); đã ghi nhận {count}',
    en: 'Chiến sĩ thi đua cấp tỉnh {year} needs an initiative or research project recognised at province or national level in {from}–{year} ({law} Art 22); found {count}',
  },
  'rules.cstq.terms': {
    vi: 'Danh hiệu Chiến sĩ thi đua toàn quốc năm {year} yêu cầu hai lần liên tục đạt Chiến sĩ thi đua cấp tỉnh: hai nhiệm kỳ nối tiếp nhau, nhiệm kỳ sau kết thúc năm {prev} hoặc {year}; hai lần cách nhau một hoặc hai năm có chung năm thành tích nên không được tính (Điều 21 {law}; khoản 9 Điều 30 Nghị định 98/2023/NĐ-CP); giai đoạn thành tích của các lần đạt Chiến sĩ thi đua cấp tỉnh: {found}{ignored}',
    en: 'Chiến sĩ thi đua toàn quốc {year} needs Chiến sĩ thi đua cấp tỉnh twice consecutively: two terms one after the other, the later ending in {prev} or {year}; two titles one or two years apart share years and do not count ({law} Art 21; Decree 98 Art 30.9); periods of Chiến sĩ thi đua cấp tỉnh found: {found}{ignored}',
  },
  'rules.cstq.initiative': {
    vi: 'Danh hiệu Chiến sĩ thi đua toàn quốc năm {year} yêu cầu có sáng kiến hoặc đề tài nghiên cứu khoa học được công nhận phạm vi toàn quốc trong giai đoạn {from}–{year} (Điều 21 {law}); đã ghi nhận {count}',
    en: 'Chiến sĩ thi đua toàn quốc {year} needs an initiative or research project recognised nation-wide in {from}–{year} ({law} Art 21); found {count}',
  },

  // R-BK-1.
  'rules.bk.individual': {
    vi: 'Bằng khen của Chủ tịch UBND tỉnh năm {year} cho cá nhân (khen thưởng thường xuyên) yêu cầu đạt Chiến sĩ thi đua cơ sở năm {prev} và năm {year}, hoặc xếp loại Hoàn thành xuất sắc nhiệm vụ năm {prev} và năm {year} cùng ít nhất 2 sáng kiến được công nhận trong hai năm đó (điểm d khoản 1 Điều 74 Luật Thi đua, khen thưởng 2022); đạt Chiến sĩ thi đua cơ sở trong năm: {cscs}; {ratingPrev}; {rating}; {count} sáng kiến trong giai đoạn {prev}–{year}{ignored}',
    en: 'Bằng khen tỉnh {year} for an individual (regular basis) needs Chiến sĩ thi đua cơ sở in {prev} and {year}, or rating HTXS in {prev} and {year} with at least 2 recognised initiatives in those years (Law 2022 Art 74.1.d); Chiến sĩ thi đua cơ sở held in: {cscs}; {ratingPrev}, {rating}; {count} initiative(s) in {prev}–{year}{ignored}',
  },

  // Attested criteria (Law 2022 Art 73.1, 74.1).
  'rules.criterion.attested': {
    vi: '{award}: đề nghị theo tiêu chuẩn {criterion} (Luật Thi đua, khen thưởng 2022), là thành tích hệ thống không tự đếm được; cán bộ đề nghị xác nhận kèm thuyết minh — được ghi nhận là "xác nhận", không phải "đạt"',
    en: '{award}: proposed under criterion {criterion} (Law 2022), an achievement the registry cannot count; attested by the proposing officer with a written justification — shown as attested, not as passed',
  },
  'rules.criterion.unjustified': {
    vi: '{award}: tiêu chuẩn {criterion} (Luật Thi đua, khen thưởng 2022) cần có thuyết minh bằng văn bản của cán bộ đề nghị; chưa có thuyết minh',
    en: '{award}: criterion {criterion} (Law 2022) needs a written justification by the proposing officer; none is given',
  },

  // R-BKTT-1 (Law 2022 Art 73.1.b), R-SPAN-1 (Decree 98/2023 Art 30.9), R-STATE-1 (Circular 12/2019/TT-BNV Art 3).
  'rules.bktt.prior': {
    vi: 'Bằng khen của Thủ tướng Chính phủ (điểm b khoản 1 Điều 73 Luật Thi đua, khen thưởng 2022) yêu cầu đã được tặng Bằng khen cấp bộ, ngành, tỉnh trước giai đoạn thành tích bắt đầu năm {from}; đã được tặng năm: {found}',
    en: 'Bằng khen of the Prime Minister (Law 2022 Art 73.1.b) needs a Bằng khen of a ministry or province before the achievement period starting {from}; found: {found}',
  },
  'rules.bktt.rated': {
    vi: 'Bằng khen của Thủ tướng Chính phủ (điểm b khoản 1 Điều 73 Luật Thi đua, khen thưởng 2022) yêu cầu {years} năm liên tục hoàn thành tốt nhiệm vụ trở lên; giai đoạn {period}{missing}',
    en: 'Bằng khen of the Prime Minister (Law 2022 Art 73.1.b) needs {years} consecutive years rated HTT or better; period {period}{missing}',
  },
  'rules.bktt.cscs': {
    vi: 'Bằng khen của Thủ tướng Chính phủ (điểm b khoản 1 Điều 73 Luật Thi đua, khen thưởng 2022) yêu cầu ít nhất {needed} lần đạt Chiến sĩ thi đua cơ sở trong giai đoạn {period}; đã đạt năm: {found}',
    en: 'Bằng khen of the Prime Minister (Law 2022 Art 73.1.b) needs Chiến sĩ thi đua cơ sở at least {needed} times in {period}; found in: {found}',
  },
  'rules.span.free': {
    vi: 'Thời gian lập thành tích để xét {award} lần sau được tính từ sau thời gian đã ghi trong quyết định khen thưởng lần trước (khoản 9 Điều 30 Nghị định 98/2023/NĐ-CP); giai đoạn {period} chưa được dùng cho {award} nào',
    en: 'The achievement period of the next {award} starts after the period of the previous one (Decree 98 Art 30.9); {period} has not been used by another {award}',
  },
  'rules.span.used': {
    vi: 'Thời gian lập thành tích để xét {award} lần sau được tính từ sau thời gian đã ghi trong quyết định khen thưởng lần trước (khoản 9 Điều 30 Nghị định 98/2023/NĐ-CP); giai đoạn {period} trùng với giai đoạn đã được khen: {used}',
    en: 'The achievement period of the next {award} starts after the period of the previous one (Decree 98 Art 30.9); {period} reuses years already rewarded: {used}',
  },
  'rules.state.once': {
    vi: 'Mỗi năm chỉ đề nghị một hình thức khen thưởng cấp Nhà nước cho một đối tượng (Điều 3 Thông tư 12/2019/TT-BNV); năm {year} đã có {count} đề nghị hoặc khen thưởng cấp Nhà nước khác',
    en: 'At most one state-level form is proposed for a recipient in a year (Circular 12/2019/TT-BNV Art 3); {count} other state-level proposal(s) or award(s) found for {year}',
  },

  // R-DUP-1.
  'rules.dup.once': {
    vi: 'Một thành tích chỉ được khen thưởng một lần: mỗi đối tượng chỉ được khen thưởng thường xuyên một {what} cho năm {year} (nguyên tắc khen thưởng của Luật Thi đua, khen thưởng 2022); {state}',
    en: 'One achievement is rewarded once: at most one regular {what} per recipient for {year} (Law 2022 principles); {state}',
  },
  'rules.dup.none': { vi: 'chưa có khen thưởng nào được tính', en: 'none is counted yet' },
  'rules.dup.counted': { vi: 'đã được tính: {list}', en: 'already counted: {list}' },
  'rules.dup.item': { vi: '{award} ({kind})', en: '{award} ({kind})' },
  'rules.dup.kind.AWARD': { vi: 'đã được khen thưởng', en: 'awarded' },
  'rules.dup.kind.APPROVED_NOMINATION': { vi: 'đề nghị đã được phê duyệt', en: 'approved nomination' },
  'rules.dup.kind.OPEN_NOMINATION': { vi: 'đề nghị đang xử lý', en: 'nomination in progress' },

  // R-HOLD-1.
  'rules.hold.open': {
    vi: 'Đối tượng được đề nghị đang có {count} vụ việc chưa kết thúc (kỷ luật, điều tra, thanh tra, khiếu nại, tố cáo, phản ánh của báo chí); chưa xét khen thưởng cho đến khi kết thúc (Điều 4 Nghị định 98/2023/NĐ-CP; Nghị định 152/2025/NĐ-CP)',
    en: 'The nominee has {count} open case(s) (discipline, investigation, inspection, complaint, denunciation, press report); the nomination is held until they close (Decree 98 Art 4; Decree 152/2025)',
  },
  'rules.hold.none': {
    vi: 'Đối tượng được đề nghị không có vụ việc nào chưa kết thúc (kỷ luật, điều tra, thanh tra, khiếu nại, tố cáo, phản ánh của báo chí) (Điều 4 Nghị định 98/2023/NĐ-CP; Nghị định 152/2025/NĐ-CP)',
    en: 'The nominee has no open case (discipline, investigation, inspection, complaint, denunciation, press report) (Decree 98 Art 4; Decree 152/2025)',
  },

  // R-TTTT-1, R-TTXS-1.
  'rules.collective.noMembers': {
    vi: 'Danh hiệu {award} năm {year} được xét theo thành viên của tập thể tại ngày 31/12/{year}; chưa ghi nhận thành viên nào',
    en: '{award} {year} is judged on the members of the collective on 31 December {year}; none are recorded',
  },
  'rules.tttt.ldtt': {
    vi: 'Danh hiệu Tập thể lao động tiên tiến năm {year} yêu cầu trên 50% thành viên đạt Lao động tiên tiến năm {year}, tức ít nhất {needed}/{members} người (Điều 28 Luật Thi đua, khen thưởng 2022); có {have} người đạt',
    en: 'Tập thể lao động tiên tiến {year} needs more than 50% of members with Lao động tiên tiến in {year}, i.e. at least {needed} of {members} (Law 2022 Art 28); {have} have it',
  },
  'rules.ttxs.rated': {
    vi: 'Danh hiệu Tập thể lao động xuất sắc năm {year} yêu cầu mọi thành viên xếp loại Hoàn thành nhiệm vụ trở lên năm {year} (Điều 27 Luật Thi đua, khen thưởng 2022); đạt {rated}/{members} người{short}',
    en: 'Tập thể lao động xuất sắc {year} needs every member rated HT or better in {year} (Law 2022 Art 27); {rated} of {members} are{short}',
  },
  'rules.ttxs.short': {
    vi: ' ({missing} người không hoàn thành nhiệm vụ hoặc chưa được xếp loại)',
    en: ' ({missing} rated KHT or not rated)',
  },
  'rules.ttxs.ldtt': {
    vi: 'Danh hiệu Tập thể lao động xuất sắc năm {year} yêu cầu ít nhất 70% thành viên đạt Lao động tiên tiến năm {year}, tức {needed}/{members} người (Điều 27 Luật Thi đua, khen thưởng 2022); có {have} người đạt',
    en: 'Tập thể lao động xuất sắc {year} needs at least 70% of members with Lao động tiên tiến in {year}, i.e. {needed} of {members} (Law 2022 Art 27); {have} have it',
  },
  'rules.ttxs.cscs': {
    vi: 'Danh hiệu Tập thể lao động xuất sắc năm {year} yêu cầu có ít nhất một thành viên đạt Chiến sĩ thi đua cơ sở năm {year} (Điều 27 Luật Thi đua, khen thưởng 2022); có {have} người đạt',
    en: 'Tập thể lao động xuất sắc {year} needs at least one member with Chiến sĩ thi đua cơ sở in {year} (Law 2022 Art 27); {have} have it',
  },

  // R-AUTH-1..4: who decides.
  'authority.DEPARTMENT_HEAD': {
    vi: 'Giám đốc Sở (thủ trưởng cơ quan chuyên môn thuộc UBND tỉnh)',
    en: 'a head of a provincial department (Giám đốc Sở)',
  },
  'authority.DISTRICT_CHAIR': { vi: 'Chủ tịch UBND cấp huyện', en: 'a district People’s Committee chair' },
  'authority.COMMUNE_CHAIR': { vi: 'Chủ tịch UBND cấp xã', en: 'a commune People’s Committee chair' },
  'authority.ENTERPRISE_HEAD': { vi: 'Giám đốc doanh nghiệp', en: 'an enterprise head' },
  'authority.ENTERPRISE_BOARD_CHAIR': {
    vi: 'Chủ tịch Hội đồng quản trị (Hội đồng thành viên) doanh nghiệp',
    en: 'the chair of an enterprise’s board',
  },
  'authority.PROVINCE_CHAIR': {
    vi: 'Chủ tịch UBND tỉnh',
    en: 'the Chairman of the provincial People’s Committee (Chủ tịch UBND tỉnh)',
  },
  'authority.MINISTER': { vi: 'Bộ trưởng', en: 'a minister' },
  'authority.PRIME_MINISTER': { vi: 'Thủ tướng Chính phủ', en: 'the Prime Minister' },
  'authority.PRESIDENT': { vi: 'Chủ tịch nước', en: 'the President' },
  'authority.stateLevel': { vi: 'cấp có thẩm quyền ở trung ương', en: 'a state-level authority' },
  'article.auth1': { vi: 'khoản 1 Điều 80 Luật Thi đua, khen thưởng 2022', en: 'Law 2022 Art 80.1' },
  'article.auth2': {
    vi: 'khoản 3 Điều 80 Luật Thi đua, khen thưởng 2022; Nghị định 129/2025/NĐ-CP',
    en: 'Law 2022 Art 80.3, Decree 129/2025',
  },
  'article.auth3': { vi: 'Điều 80 Luật Thi đua, khen thưởng 2022', en: 'Law 2022 Art 80' },
  'article.auth4': { vi: 'Điều 79 và Điều 80 Luật Thi đua, khen thưởng 2022', en: 'Law 2022 Art 79–80' },
  'article.auth5': {
    vi: 'khoản 4 Điều 80 Luật Thi đua, khen thưởng 2022; Thông tư 15/2025/TT-BNV',
    en: 'Law 2022 Art 80.4, Circular 15/2025/TT-BNV',
  },
  'article.art79': { vi: 'Điều 79 Luật Thi đua, khen thưởng 2022', en: 'Law 2022 Art 79' },
  'article.art80_2': {
    vi: 'khoản 2 Điều 80 Luật Thi đua, khen thưởng 2022; Nghị định 129/2025/NĐ-CP',
    en: 'Law 2022 Art 80.2, Decree 129/2025',
  },
  'article.art80_3': { vi: 'khoản 3 Điều 80 Luật Thi đua, khen thưởng 2022', en: 'Law 2022 Art 80.3' },
  'article.art80_4': { vi: 'khoản 4 Điều 80 Luật Thi đua, khen thưởng 2022', en: 'Law 2022 Art 80.4' },
  'rules.auth.allowed': {
    vi: '{who} được quyết định tặng {award} ngày {date} ({article})',
    en: '{award} may be decided by {who} on {date} ({article})',
  },
  'rules.auth.mayContainNone': {
    vi: 'không được quyết định danh hiệu, hình thức khen thưởng nào trong danh mục',
    en: 'may contain none of the catalogue’s titles and forms',
  },
  'rules.auth.mayContainOnly': { vi: 'chỉ được quyết định {awards}', en: 'may contain only {awards}' },
  'rules.auth.refused': {
    vi: 'Quyết định của {who} ngày {date} {mayContain} ({article}); không được quyết định {award}{communeNote}{districtNote}{instead}',
    en: 'A decision by {who} dated {date} {mayContain} ({article}); {award} is not allowed{communeNote}{districtNote}{instead}',
  },
  'rules.auth.communeBefore': {
    vi: ' trước ngày 01/07/2025 (từ ngày đó Chủ tịch UBND cấp xã được quyết định, Nghị định 129/2025/NĐ-CP)',
    en: ' before 2025-07-01 (from then on a commune chair may decide it, Decree 129/2025)',
  },
  'rules.auth.districtGone': {
    vi: '; từ ngày 01/07/2025 không còn UBND cấp huyện (chính quyền địa phương hai cấp, Nghị định 129/2025/NĐ-CP)',
    en: '; district People’s Committees no longer exist from 2025-07-01 (two-tier local government, Decree 129/2025)',
  },
  'rules.auth.insteadProvince': {
    vi: '; đây là danh hiệu, hình thức khen thưởng của tỉnh, phải do {who} quyết định (Phó Chủ tịch có thể ký thay “KT.”, R-AUTH-3)',
    en: '; it is a title or form of the province and needs a decision of {who} (a Vice Chairman may sign KT. on behalf, R-AUTH-3)',
  },
  'rules.auth.insteadUpward': {
    vi: '; chỉ {who} quyết định: tỉnh hoặc sở chỉ đề nghị lên cấp trên, không quyết định nào trong hệ thống này được tặng',
    en: '; it is decided by {who} only: a province or a department proposes it upward, and no decision of this registry may grant it',
  },
  'rules.auth.insteadDirector': {
    vi: '; Chủ tịch Hội đồng quản trị (Hội đồng thành viên) chỉ tặng Giấy khen; các danh hiệu do Giám đốc doanh nghiệp quyết định',
    en: '; the chair of the board grants Giấy khen only; the titles are decided by the enterprise’s director',
  },
  'rules.auth.insteadLocal': { vi: '; thẩm quyền quyết định: {who}', en: '; it is decided by {who}' },

  // R-AUTH-4: the issuer.
  'orgKind.PROVINCE': { vi: 'cấp tỉnh', en: 'a province' },
  'orgKind.DEPARTMENT': { vi: 'một sở', en: 'a department (Sở)' },
  'orgKind.DISTRICT': { vi: 'cấp huyện', en: 'a district' },
  'orgKind.COMMUNE': { vi: 'cấp xã', en: 'a commune' },
  'orgKind.ENTERPRISE': { vi: 'một doanh nghiệp', en: 'an enterprise' },
  'orgKind.UNIT': { vi: 'một đơn vị trực thuộc', en: 'a unit' },
  'orgKind.OTHER': { vi: 'một tổ chức loại OTHER', en: 'an organization of kind OTHER' },
  'rules.issuer.noCompetence': {
    vi: '{issuer} là {kind}, không có thẩm quyền quyết định khen thưởng (Điều 79 và Điều 80 Luật Thi đua, khen thưởng 2022): người đứng đầu đề nghị, cơ quan cấp trên ra quyết định',
    en: '{issuer} is {kind}, which has no competence of its own to decide awards (Law 2022 Art 79–80): its head proposes, and the decision is issued by the organization above it',
  },
  'rules.issuer.districtGone': {
    vi: '{issuer} là {kind}: từ ngày {since} không còn UBND cấp huyện (chính quyền địa phương hai cấp, Nghị định 129/2025/NĐ-CP) nên không thể ra quyết định ngày {date}',
    en: '{issuer} is {kind}: district People’s Committees no longer exist from {since} (two-tier local government, Decree 129/2025), so it cannot issue a decision dated {date}',
  },
  'rules.issuer.mismatch': {
    vi: '{issuer} là {kind}, ra quyết định với thẩm quyền {authority} ({article}), không phải {stated}: thẩm quyền xác định theo cơ quan ban hành; bỏ trường này hoặc gửi {authority}',
    en: '{issuer} is {kind} and issues as {authority} ({article}), not as {stated}: the authority follows from the issuer; omit it or send {authority}',
  },
  'rules.issuer.ok': {
    vi: '{issuer} là {kind}, ra quyết định với thẩm quyền {authority} ({article})',
    en: '{issuer} is {kind} and issues as {authority} ({article})',
  },

  // R-ORG-1.
  'rules.org.alive': {
    vi: '{organization} còn tồn tại ngày {date} (Thông tư 15/2025/TT-BNV; Điều 79, 80 Luật Thi đua, khen thưởng 2022)',
    en: '{organization} exists on {date} (Circular 15/2025/TT-BNV; Law 2022 Art 79–80)',
  },
  'rules.org.issuerGone': {
    vi: '{organization} đã thôi tồn tại (sáp nhập, giải thể) từ ngày {since} nên không thể ban hành quyết định ngày {date}; quyết định do cơ quan kế thừa ban hành (R-ORG-1, Thông tư 15/2025/TT-BNV; Điều 79, 80 Luật Thi đua, khen thưởng 2022)',
    en: '{organization} ceased to exist (merged or dissolved) on {since}, so it cannot issue a decision dated {date}; its successor issues it (R-ORG-1, Circular 15/2025/TT-BNV; Law 2022 Art 79–80)',
  },
  'rules.org.issuerNotYet': {
    vi: '{organization} chỉ tồn tại từ ngày {firstDay} nên không thể ban hành quyết định ngày {date} (R-ORG-1, Thông tư 15/2025/TT-BNV; Điều 79, 80 Luật Thi đua, khen thưởng 2022)',
    en: '{organization} exists from {firstDay} only, so it cannot issue a decision dated {date} (R-ORG-1, Circular 15/2025/TT-BNV; Law 2022 Art 79–80)',
  },
  'rules.org.recipientGone': {
    vi: '{organization} đã thôi tồn tại (sáp nhập, giải thể) từ ngày {since} nên không thể được khen thưởng tập thể bằng quyết định ngày {date} (R-ORG-1, Thông tư 15/2025/TT-BNV)',
    en: '{organization} ceased to exist (merged or dissolved) on {since}, so a decision dated {date} cannot give it a collective award (R-ORG-1, Circular 15/2025/TT-BNV)',
  },
  'rules.org.recipientNotYet': {
    vi: '{organization} chỉ tồn tại từ ngày {firstDay} nên không thể được khen thưởng tập thể bằng quyết định ngày {date} (R-ORG-1, Thông tư 15/2025/TT-BNV)',
    en: '{organization} exists from {firstDay} only, so a decision dated {date} cannot give it a collective award (R-ORG-1, Circular 15/2025/TT-BNV)',
  },
  'rules.org.proposerGone': {
    vi: '{organization} đã thôi tồn tại (sáp nhập, giải thể) từ ngày {since} nên không thể đề nghị khen thưởng để quyết định ngày {date}; cơ quan kế thừa đề nghị (R-ORG-1, Thông tư 15/2025/TT-BNV; Điều 79, 80 Luật Thi đua, khen thưởng 2022)',
    en: '{organization} ceased to exist (merged or dissolved) on {since}, so it cannot propose an award to be decided on {date}; its successor proposes it (R-ORG-1, Circular 15/2025/TT-BNV; Law 2022 Art 79–80)',
  },
  'rules.org.proposerNotYet': {
    vi: '{organization} chỉ tồn tại từ ngày {firstDay} nên không thể đề nghị khen thưởng để quyết định ngày {date} (R-ORG-1, Thông tư 15/2025/TT-BNV; Điều 79, 80 Luật Thi đua, khen thưởng 2022)',
    en: '{organization} exists from {firstDay} only, so it cannot propose an award to be decided on {date} (R-ORG-1, Circular 15/2025/TT-BNV; Law 2022 Art 79–80)',
  },
  'rules.org.memberGone': {
    vi: '{organization} đã thôi tồn tại (sáp nhập, giải thể) từ ngày {since} nên không thể đưa người vào đơn vị này ngày {date}; hãy chuyển sang cơ quan kế thừa (R-ORG-1, Thông tư 15/2025/TT-BNV)',
    en: '{organization} ceased to exist (merged or dissolved) on {since}, so nobody can be placed in it on {date}; move people to its successor (R-ORG-1, Circular 15/2025/TT-BNV)',
  },
  'rules.org.memberNotYet': {
    vi: '{organization} chỉ tồn tại từ ngày {firstDay} nên không thể đưa người vào đơn vị này ngày {date} (R-ORG-1, Thông tư 15/2025/TT-BNV)',
    en: '{organization} exists from {firstDay} only, so nobody can be placed in it on {date} (R-ORG-1, Circular 15/2025/TT-BNV)',
  },

  // R-CERT-1.
  'rules.cert.bonusOnly': {
    vi: '{award} được tặng kèm tiền thưởng, không có giấy chứng nhận để in (R-CERT-1, Điều 54 Nghị định 98/2023/NĐ-CP)',
    en: '{award} carries a bonus and no certificate: there is nothing to print (R-CERT-1, Decree 98/2023 Art 54)',
  },
  'rules.cert.medal': {
    vi: '{award} là huy chương do bộ, ngành trao kèm giấy chứng nhận của mình; hệ thống không in (R-CERT-1)',
    en: '{award} is a medal the granting ministry or sector hands over with its own certificate; nothing is printed here (R-CERT-1)',
  },
  'rules.cert.flag': {
    vi: '{award} là cờ thi đua được trao, không có bản in (R-CERT-1, Điều 54 Nghị định 98/2023/NĐ-CP)',
    en: '{award} is a flag handed over, not a printed sheet (R-CERT-1, Decree 98/2023 Art 54)',
  },
  'rules.cert.printed': {
    vi: '{award}: in {sheet} (Điều 54 Nghị định 98/2023/NĐ-CP)',
    en: '{award}: printed as {sheet} (Decree 98/2023 Art 54)',
  },
  'rules.cert.nothingPrintable': {
    vi: 'Quyết định không có dòng nào được in: {reasons}',
    en: 'No line of the decision is printed: {reasons}',
  },

  // R-NUM-1.
  'rules.num.ok': {
    vi: 'Số quyết định {number} (Phụ lục I Nghị định 30/2020/NĐ-CP)',
    en: 'Decision number {number} (Decree 30/2020 Annex I)',
  },
  'rules.num.required': {
    vi: 'Cơ quan ban hành lấy số quyết định từ sổ văn bản (văn thư): phải gửi số đã đăng ký, ví dụ {example} (Phụ lục I Nghị định 30/2020/NĐ-CP); hoặc chuyển cơ quan sang cấp số tự động (decisionNumbering AUTO)',
    en: 'The issuer takes its decision numbers from its document register: send the registered number, e.g. {example} (Decree 30/2020 Annex I), or switch the issuer to decisionNumbering AUTO',
  },
  'rules.num.malformed': {
    vi: 'Số quyết định “{given}” không đúng thể thức số/QĐ-ký hiệu, ví dụ {example} (Phụ lục I Nghị định 30/2020/NĐ-CP)',
    en: 'Decision number “{given}” is not of the form NN/QĐ-SYMBOL, e.g. {example} (Decree 30/2020 Annex I)',
  },
  'rules.num.otherSymbol': {
    vi: 'Số quyết định “{given}” mang ký hiệu khác với ký hiệu {symbol} của cơ quan ban hành; phải là {expected} (Phụ lục I Nghị định 30/2020/NĐ-CP)',
    en: 'Decision number “{given}” carries another symbol than the issuer’s {symbol}; it must read {expected} (Decree 30/2020 Annex I)',
  },
  'rules.num.notCanonical': {
    vi: 'Số quyết định “{given}” phải viết {expected}: số nhỏ hơn 10 có số 0 ở trước (Phụ lục I Nghị định 30/2020/NĐ-CP)',
    en: 'Decision number “{given}” must be written {expected}: a leading zero below 10 (Decree 30/2020 Annex I)',
  },

  // R-QUOTA-*.
  'rules.quota.ratio': { vi: '{ratio} × {count} {base}, làm tròn xuống', en: 'floor({ratio} × {count} {base})' },
  'rules.quota.max': { vi: 'tối đa {max}', en: 'at most {max}' },
  'rules.quota.headcount': { vi: 'người (biên chế)', en: 'staff (headcount)' },
  'rules.quota.headcountMissing': { vi: 'người (chưa khai báo biên chế)', en: 'staff (headcount not supplied)' },
  'rules.quota.articleCscs': {
    vi: 'khoản 3 Điều 9 Nghị định 91/2017/NĐ-CP, có thể cấu hình',
    en: 'Decree 91 Art 9.3, configurable',
  },
  'rules.quota.settingCscs': {
    vi: 'tỷ lệ do tỉnh quy định, có thể thay đổi (mặc định theo khoản 3 Điều 9 Nghị định 91/2017/NĐ-CP; Luật Thi đua, khen thưởng 2022 không quy định tỷ lệ)',
    en: 'provincial setting, changeable (default after Decree 91 Art 9.3; Law 2022 fixes no ratio)',
  },
  'rules.quota.ldttSubtree': {
    vi: '{award} của đơn vị và các đơn vị trực thuộc',
    en: '{award} of the unit and the units under it',
  },
  'rules.quota.articleCstinh': {
    vi: 'tỷ lệ do tỉnh quy định và áp dụng',
    en: 'provincial quota, switched on by the province',
  },
  'rules.quota.articleUnit': { vi: 'chỉ tiêu do đơn vị đặt cho năm {year}', en: 'quota set by the unit for {year}' },
  'rules.quota.check': {
    vi: 'Phê duyệt đề nghị này nâng số {award} năm {year} của đơn vị đề nghị lên {after}; mức trần là {limit} = {basis} ({rule}: {article})',
    en: 'Approving this makes {after} {award} for {year} in the proposing unit; the cap is {limit} = {basis} ({rule}: {article})',
  },

  // R-VOTE-1 (Decree 91/2017 Art 45.8).
  'rules.vote.prefix': { vi: '{award}: ', en: '{award}: ' },
  'rules.vote.notRequired': {
    vi: '{what}không cần biểu quyết của Hội đồng Thi đua - Khen thưởng (R-VOTE-1, có thể cấu hình)',
    en: '{what}no council vote is required (R-VOTE-1, configurable)',
  },
  'rules.vote.missing': {
    vi: '{what}cần biểu quyết của Hội đồng Thi đua - Khen thưởng trước khi phê duyệt nhưng chưa ghi nhận cuộc họp nào (R-VOTE-1)',
    en: '{what}a council vote is required before approval and none is recorded (R-VOTE-1)',
  },
  'rules.vote.inconsistent': {
    vi: '{what}kết quả biểu quyết không hợp lệ: các số phải là số nguyên, số có mặt cộng số phiếu bằng văn bản không quá số thành viên, số phiếu đồng ý không quá số có mặt cộng số phiếu bằng văn bản, và có ít nhất một thành viên; nhận được {yes} đồng ý, {present} có mặt, {written} phiếu bằng văn bản, {members} thành viên',
    en: '{what}the vote tally is inconsistent: need whole numbers with present + written votes ≤ members, yes ≤ present + written votes and at least one member; got {yes} yes, {present} present, {written} in writing, {members} members',
  },
  'rules.vote.noQuorum': {
    vi: '{what}không đủ số thành viên dự họp: phải có ít nhất {ratio} trong tổng số {members} thành viên Hội đồng, tức {quorum} người; có mặt {present} người (R-VOTE-1)',
    en: '{what}no quorum: at least {ratio} of the {members} council members must be present, i.e. {quorum}; {present} were (R-VOTE-1)',
  },
  'rules.vote.markMoreThan': { vi: 'trên {ratio}', en: 'more than {ratio}' },
  'rules.vote.markAtLeast': { vi: 'từ {ratio} trở lên', en: 'at least {ratio}' },
  'rules.vote.turnout': { vi: '{present} có mặt', en: '{present} present' },
  'rules.vote.turnoutWritten': {
    vi: '{present} có mặt, {written} phiếu bằng văn bản',
    en: '{present} present, {written} in writing',
  },
  'rules.vote.result': {
    vi: '{what}cần số phiếu đồng ý {mark} tổng số {members} thành viên Hội đồng (khoản 8 Điều 45 Nghị định 91/2017/NĐ-CP), tức {needed} phiếu; có {yes} phiếu đồng ý ({turnout}) (R-VOTE-1)',
    en: '{what}needs yes votes from {mark} of all {members} council members, i.e. {needed}; {yes} voted yes ({turnout}) (R-VOTE-1)',
  },
  'rules.vote.noCouncil': {
    vi: 'chưa đăng ký số thành viên Hội đồng Thi đua - Khen thưởng của đơn vị đề nghị hoặc đơn vị cấp trên tại ngày họp: hãy ghi nhận số thành viên Hội đồng ({path}) trước khi ghi kết quả biểu quyết (R-VOTE-1)',
    en: 'no council size is on file for the proposing organization or any organization above it on the meeting date: record the council size ({path}) before its votes (R-VOTE-1)',
  },
  'rules.vote.councilMismatch': {
    vi: 'biên bản biểu quyết ghi {members} thành viên nhưng Hội đồng đã đăng ký có {onFile} thành viên: tỷ lệ thông qua và số dự họp tối thiểu tính trên tổng số thành viên Hội đồng đã đăng ký (R-VOTE-1)',
    en: 'the vote counts {members} council members but the council on file has {onFile}: the pass mark and the quorum are shares of all members of the council on file (R-VOTE-1)',
  },
  'rules.vote.councilOk': {
    vi: 'biên bản biểu quyết tính đủ {members} thành viên của Hội đồng đã đăng ký (R-VOTE-1)',
    en: 'the vote counts the {members} members of the council on file (R-VOTE-1)',
  },
  'rules.vote.withAward': { vi: '{award}: {text}', en: '{award}: {text}' },

  // R-REVOKE-1 (Law 2022 Art 93.2, ch. VII): revocation decisions.
  'revocation.ground.A': {
    vi: 'gian dối trong việc kê khai công trạng, thành tích (điểm a khoản 2 Điều 93 Luật Thi đua, khen thưởng 2022)',
    en: 'false declaration of merits or achievements (Law 2022 Art 93.2.a)',
  },
  'revocation.ground.B': {
    vi: 'cung cấp thông tin sai sự thật hoặc làm giả hồ sơ, giấy tờ (điểm b khoản 2 Điều 93 Luật Thi đua, khen thưởng 2022)',
    en: 'untrue information or forged papers in the dossier (Law 2022 Art 93.2.b)',
  },
  'revocation.ground.C': {
    vi: 'thẩm định, xét, duyệt, đề nghị trái quy định của pháp luật (điểm c khoản 2 Điều 93 Luật Thi đua, khen thưởng 2022)',
    en: 'appraisal, review or proposal against the law (Law 2022 Art 93.2.c)',
  },
  'revocation.ground.D': {
    vi: 'có kết luận, quyết định, bản án của cơ quan có thẩm quyền về vi phạm dẫn đến không bảo đảm tiêu chuẩn khen thưởng (điểm d khoản 2 Điều 93 Luật Thi đua, khen thưởng 2022)',
    en: 'a competent body found a violation that leaves the award’s standard unmet (Law 2022 Art 93.2.d)',
  },
  'rules.revoke.issuerOk': {
    vi: '{issuer} là cấp đã quyết định khen thưởng {award} ({grantedBy}) hoặc cấp trên (R-REVOKE-1, Điều 93 Luật Thi đua, khen thưởng 2022)',
    en: '{issuer} granted {award} ({grantedBy}) or is above that authority (R-REVOKE-1, Law 2022 Art 93)',
  },
  'rules.revoke.issuerNotAbove': {
    vi: '{issuer} không phải cấp đã quyết định khen thưởng {award} ({grantedBy}) hay cấp trên của cấp đó: chỉ cấp đã quyết định khen thưởng hoặc cấp trên mới hủy bỏ quyết định khen thưởng (R-REVOKE-1, Điều 93 Luật Thi đua, khen thưởng 2022)',
    en: '{issuer} neither granted {award} ({grantedBy}) nor is above that authority: only the granting authority or one above it revokes an award (R-REVOKE-1, Law 2022 Art 93)',
  },
  'rules.revoke.noCompetence': {
    vi: '{issuer} không có thẩm quyền quyết định khen thưởng vào ngày ký nên không thể ban hành quyết định hủy bỏ (R-REVOKE-1, Điều 79, 80 và Điều 93 Luật Thi đua, khen thưởng 2022)',
    en: '{issuer} holds no authority to decide awards on that date, so it cannot issue a revocation (R-REVOKE-1, Law 2022 Art 79–80, 93)',
  },
  'rules.revoke.future': {
    vi: 'ngày ký quyết định hủy bỏ {date} sau ngày hôm nay {today}: chỉ ghi nhận quyết định đã ký (R-REVOKE-1, Điều 93 Luật Thi đua, khen thưởng 2022)',
    en: 'the revocation date {date} is after today {today}: only a signed decision is recorded (R-REVOKE-1, Law 2022 Art 93)',
  },
  'rules.revoke.beforeAward': {
    vi: 'ngày ký quyết định hủy bỏ {date} trước ngày của quyết định khen thưởng {award} ({awardDate}) (R-REVOKE-1, Điều 93 Luật Thi đua, khen thưởng 2022)',
    en: 'the revocation date {date} is before the date of the decision granting {award} ({awardDate}) (R-REVOKE-1, Law 2022 Art 93)',
  },
  'rules.revoke.dateOk': {
    vi: 'ngày ký quyết định hủy bỏ {date} hợp lệ (R-REVOKE-1, Điều 93 Luật Thi đua, khen thưởng 2022)',
    en: 'the revocation date {date} is valid (R-REVOKE-1, Law 2022 Art 93)',
  },
  'rules.revoke.review': {
    vi: 'khen thưởng {award} đã tính khen thưởng {reliedOn} bị hủy bỏ theo quyết định {number} làm điều kiện ({rule}, {article}): cần xem xét lại (R-REVOKE-1, Điều 93 Luật Thi đua, khen thưởng 2022)',
    en: 'award {award} counted award {reliedOn}, revoked by decision {number}, as a prerequisite ({rule}, {article}): it needs review (R-REVOKE-1, Law 2022 Art 93)',
  },

  /** A check stored before messages were kept as catalogue keys: its text is shown as it was stored. */
  'rules.stored': {
    vi: '{rule}: {text} (kết quả lưu trước khi có bản tiếng Việt; kiểm tra lại để xem bằng tiếng Việt)',
    en: '{text} [{rule}]',
  },
} as const;
