/** The details of the services' refusals (`detail`, `errors[].message`) and of the nominations import. */
export const SERVICE_MESSAGES = {
  // Shared.
  'error.cursor': {
    vi: 'không phải con trỏ phân trang do danh sách này trả về',
    en: 'is not a cursor returned by this list',
  },
  'error.notNull': { vi: 'không được là null', en: 'cannot be null' },
  'error.referenceMissing': { vi: 'Không tồn tại {entity} {id}', en: '{entity} {id} does not exist' },
  'error.outOfScope': {
    vi: 'Tổ chức {id} nằm ngoài phạm vi của khóa API này',
    en: "Organization {id} is outside this key's scope",
  },
  'error.personOutOfScope': {
    vi: 'Người này nằm ngoài phạm vi của khóa API này',
    en: "The person is outside this key's scope",
  },
  'subject.quota': { vi: 'Chỉ tiêu', en: 'The quota' },
  'subject.councilSize': { vi: 'Số thành viên hội đồng thi đua, khen thưởng', en: 'The council size' },
  'error.setFromAbove': {
    vi: '{what} của tổ chức {id} do cấp trên đặt: người phê duyệt của một tổ chức cấp trên, hoặc ADMIN',
    en: '{what} of organization {id} is set from above it: by an approver of an organization above it, or an ADMIN',
  },
  'error.role': {
    vi: 'Vai trò {role} không được thực hiện thao tác này; được phép: {allowed}',
    en: 'Role {role} may not do this; allowed: {allowed}',
  },

  'auth.needsKey': {
    vi: 'Thao tác này cần khóa API: gửi tiêu đề "Authorization: Bearer <token>"',
    en: 'This operation needs an API key: send "Authorization: Bearer <token>"',
  },
  'auth.malformed': {
    vi: 'Tiêu đề Authorization phải có dạng "Bearer <token>"',
    en: 'The Authorization header must be "Bearer <token>"',
  },
  'auth.bootstrapRetired': {
    vi: 'Mã khởi tạo không còn dùng được: đã có khóa API vai trò ADMIN. Hãy dùng khóa API (hoặc đặt AUTH_BOOTSTRAP_ALWAYS=true)',
    en: 'The bootstrap token is retired: an ADMIN API key exists. Use an API key (or set AUTH_BOOTSTRAP_ALWAYS=true)',
  },
  'auth.unknownToken': { vi: 'Mã truy cập không tồn tại hoặc đã bị thu hồi', en: 'The token is unknown or revoked' },

  'individual.initiativeYear': {
    vi: 'không được sau năm của recognizedOn: sáng kiến chỉ được tính từ khi được công nhận',
    en: 'cannot be after the year of recognizedOn: an initiative counts once it is recognised',
  },
  'individual.measureDatesAlone': {
    vi: 'chỉ ghi thời gian thi hành khi có hình thức kỷ luật (measure)',
    en: 'give the dates a measure is in force only together with the measure',
  },
  'individual.measureOnCollective': {
    vi: 'hình thức kỷ luật chỉ ghi cho vụ việc của cá nhân (Điều 4 Nghị định 98/2023/NĐ-CP)',
    en: 'a disciplinary measure is recorded on a case of a person only (Decree 98 Art 4)',
  },
  'individual.measureDates': {
    vi: 'hình thức kỷ luật cần có ngày bắt đầu và ngày kết thúc thi hành (measureFrom, measureTo) để tính năm không được xét danh hiệu (Điều 4 Nghị định 98/2023/NĐ-CP)',
    en: 'a disciplinary measure needs the dates it is in force (measureFrom, measureTo): its years do not count for titles (Decree 98 Art 4)',
  },
  'individual.measureOrder': {
    vi: 'ngày kết thúc thi hành kỷ luật không được trước ngày bắt đầu',
    en: 'the measure cannot end before it starts',
  },
  'individual.recruitedBeforeJoined': {
    vi: 'ngày tuyển dụng (vào cơ quan nhà nước) không được sau ngày vào đơn vị hiện tại (joinedOn)',
    en: 'the date of entering public service cannot be after the date of joining this unit (joinedOn)',
  },
  'individual.caseClosed': {
    vi: 'Vụ việc kỷ luật {id} đã kết thúc ngày {date}',
    en: 'Disciplinary case {id} was already closed on {date}',
  },
  'individual.joinedAfterBirth': { vi: 'phải sau ngày sinh (birthDate)', en: 'must be after birthDate' },
  'organization.missing': { vi: 'tổ chức không tồn tại', en: 'the organization does not exist' },
  'organization.enterpriseKind': {
    vi: 'một tổ chức loại ENTERPRISE luôn là doanh nghiệp (enterprise: true)',
    en: 'an organization of kind ENTERPRISE is always an enterprise (enterprise: true)',
  },
  'organization.alreadyDissolved': {
    vi: '{organization} đã thôi tồn tại từ ngày {since} (R-ORG-1, Thông tư 15/2025/TT-BNV); không thể giải thể lần nữa',
    en: '{organization} already ceased to exist on {since} (R-ORG-1, Circular 15/2025/TT-BNV); it cannot be dissolved again',
  },
  'organization.cannotDissolve': {
    vi: 'Không thể giải thể, sáp nhập tổ chức: vi phạm {count} điều kiện (R-ORG-1, Thông tư 15/2025/TT-BNV)',
    en: 'The organization cannot be dissolved or merged: {count} condition(s) fail (R-ORG-1, Circular 15/2025/TT-BNV)',
  },
  'organization.ceasesBeforeStart': {
    vi: '{organization} chỉ tồn tại từ ngày {firstDay}; không thể thôi tồn tại từ ngày {on}',
    en: '{organization} exists from {firstDay} only; it cannot cease on {on}',
  },
  'organization.successorSelf': {
    vi: 'Tổ chức kế thừa (successorId) không thể là chính {organization}',
    en: 'The successor (successorId) cannot be {organization} itself',
  },
  'organization.successorBelow': {
    vi: 'Tổ chức kế thừa {successor} trực thuộc {organization}, sẽ thôi tồn tại cùng tổ chức này; hãy chọn tổ chức khác hoặc chuyển {successor} ra trước',
    en: 'The successor {successor} lies below {organization} and would cease with it; choose another one or move {successor} out first',
  },
  'organization.successorGone': {
    vi: 'Tổ chức kế thừa {successor} không tồn tại vào ngày {on} (R-ORG-1)',
    en: 'The successor {successor} does not exist on {on} (R-ORG-1)',
  },
  'organization.childrenAlive': {
    vi: 'Còn {count} đơn vị trực thuộc tồn tại vào ngày {on} ({children}): hãy giải thể hoặc chuyển các đơn vị này sang tổ chức khác trước (R-ORG-1)',
    en: '{count} organization(s) below still exist on {on} ({children}): dissolve them or move them elsewhere first (R-ORG-1)',
  },
  'organization.actsAfter': {
    vi: '{organization} đã ban hành {decisions} quyết định và được tặng {awards} khen thưởng tập thể ngày {on} hoặc sau đó; không thể cho tổ chức thôi tồn tại từ ngày {on} (R-ORG-1)',
    en: '{organization} issued {decisions} decision(s) and received {awards} collective award(s) dated {on} or later; it cannot cease on {on} (R-ORG-1)',
  },
  'organization.parentGone': {
    vi: 'Tổ chức cấp trên {parent} không tồn tại vào ngày {date} (R-ORG-1, Thông tư 15/2025/TT-BNV)',
    en: 'The parent organization {parent} does not exist on {date} (R-ORG-1, Circular 15/2025/TT-BNV)',
  },
  'organization.unknownSuccessor': {
    vi: 'tổ chức kế thừa {id} không tồn tại',
    en: 'successor organization {id} does not exist',
  },
  'stats.form0603Reporter': {
    vi: 'biểu 0603 do tỉnh hoặc bộ báo cáo (kind PROVINCE hoặc MINISTRY); {id} là {kind}',
    en: 'form 0603 is reported by a province or a ministry (kind PROVINCE or MINISTRY); {id} is {kind}',
  },
  'household.notCommune': {
    vi: 'hộ gia đình thuộc một tổ chức cấp xã (kind COMMUNE); {id} là {kind}',
    en: 'a household belongs to a commune-level organization (kind COMMUNE); {id} is {kind}',
  },
  'quota.countOrRatio': { vi: 'hãy nêu maxCount, maxRatio hoặc cả hai', en: 'give maxCount, maxRatio or both' },
  'quota.needsRatio': { vi: 'cần có maxRatio', en: 'needs maxRatio' },
  'quota.sameCode': {
    vi: 'không được là chính mã danh hiệu, hình thức mà chỉ tiêu giới hạn',
    en: 'cannot be the award code the quota limits',
  },
  'apiKey.scopeRequired': {
    vi: 'là bắt buộc với vai trò {role}: khóa hoạt động trong tổ chức đó và các tổ chức cấp dưới',
    en: 'is required for role {role}: the key acts within that organization and its subtree',
  },
  'apiKey.noScope': {
    vi: 'phải bỏ trống với vai trò {role}: khóa ADMIN và AUDITOR không giới hạn phạm vi',
    en: 'must be omitted for role {role}: ADMIN and AUDITOR keys have no scope',
  },
  'range.fromAfterTo': { vi: 'không được sau to', en: 'must not be after `to`' },
  'range.years': {
    vi: 'không được sau toYear ({first} > {last})',
    en: 'must not be after toYear ({first} > {last})',
  },

  // Nominations.
  'nomination.invalidState': {
    vi: 'Đề nghị đang ở trạng thái {status}; thao tác {action} cần trạng thái {needed}',
    en: 'The nomination is {status}; {action} needs it in {needed}',
  },
  'nomination.notDecidable': {
    vi: 'Chỉ đề nghị ở trạng thái {needed} mới được quyết định khen thưởng: {blocked}',
    en: 'Only {needed} nominations can be decided: {blocked}',
  },
  'nomination.blocked': { vi: '{id} đang ở trạng thái {status}', en: '{id} is {status}' },
  'nomination.oneNominee': {
    vi: 'chỉ nêu một đối tượng được đề nghị: individualId (cá nhân), organizationId (tập thể) hoặc householdId (hộ gia đình)',
    en: 'give exactly one nominee: individualId (a person), organizationId (a collective) or householdId (a household)',
  },
  'nomination.notEligible': {
    vi: 'Đề nghị chưa đủ điều kiện, tiêu chuẩn khen thưởng: danh sách dưới đây nêu mọi quy định chưa đáp ứng',
    en: 'The nomination is not eligible: every failing rule is listed',
  },
  'nomination.cannotApprove': {
    vi: 'Không thể phê duyệt đề nghị: danh sách dưới đây nêu mọi quy định chưa đáp ứng',
    en: 'The nomination cannot be approved: every failing rule is listed',
  },
  'nomination.voteCouncil': {
    vi: 'Biên bản biểu quyết không khớp số thành viên Hội đồng đã đăng ký: chưa ghi nhận gì',
    en: 'The vote does not count the members of the council on file: nothing was recorded',
  },
  'nomination.voteTurnout': {
    vi: 'số có mặt cộng số phiếu bằng văn bản không được vượt số thành viên',
    en: 'present + writtenVotes cannot exceed members',
  },
  'nomination.voteYes': {
    vi: 'không được vượt số có mặt cộng số phiếu bằng văn bản',
    en: 'cannot exceed present + writtenVotes',
  },
  'nomination.decisionDate': {
    vi: 'không được trước ngày bắt đầu năm đề nghị {year}',
    en: 'cannot be before the nomination year {year} begins',
  },
  'nomination.period.ORDER': {
    vi: 'năm bắt đầu thời gian lập thành tích không được sau năm kết thúc (khoản 9 Điều 30 Nghị định 98/2023/NĐ-CP)',
    en: 'the achievement period cannot start after it ends (Decree 98 Art 30.9)',
  },
  'nomination.period.AFTER_YEAR': {
    vi: 'thời gian lập thành tích không được kéo dài sau năm đề nghị {year} (khoản 9 Điều 30 Nghị định 98/2023/NĐ-CP)',
    en: 'the achievement period cannot end after the nomination year {year} (Decree 98 Art 30.9)',
  },
  'nomination.period.TOO_EARLY': {
    vi: 'thời gian lập thành tích không được bắt đầu trước năm 1945',
    en: 'the achievement period cannot start before 1945',
  },
  'nomination.criterion.NONE': {
    vi: 'hình thức khen thưởng này không có tiêu chuẩn lựa chọn cho đối tượng và phương thức đã đề nghị (Điều 73, 74 Luật Thi đua, khen thưởng 2022); không ghi tiêu chuẩn {criterion}',
    en: 'this award has no alternative criteria for this nominee and basis (Law 2022 Art 73, 74); leave out criterion {criterion}',
  },
  'nomination.criterion.UNKNOWN': {
    vi: 'tiêu chuẩn {criterion} không thuộc hình thức khen thưởng này (khoản 1 Điều 73, khoản 1 Điều 74 Luật Thi đua, khen thưởng 2022)',
    en: 'criterion {criterion} is not one of this award (Law 2022 Art 73.1, 74.1)',
  },
  'nomination.criterion.REQUIRED': {
    vi: 'tiêu chuẩn {criterion} là thành tích hệ thống không tự đếm được: cần thuyết minh bằng văn bản của cán bộ đề nghị',
    en: 'criterion {criterion} is an achievement the registry cannot count: a written justification by the proposing officer is required',
  },
  'nomination.duplicate': {
    vi: 'Đối tượng đã có khen thưởng hoặc đề nghị thường xuyên mà đề nghị này sẽ trùng (một thành tích chỉ được khen thưởng một lần): chưa lưu gì',
    en: 'The nominee already has a regular award or nomination that this one would duplicate (one achievement is rewarded once): nothing was stored',
  },
  'nomination.structural': {
    vi: 'Không thể đề nghị khen thưởng theo cách này: chưa lưu gì',
    en: 'This award cannot be proposed this way: nothing was stored',
  },

  // Nominations import.
  'history.required': { vi: 'bắt buộc', en: 'is required' },
  'history.decisionNumber': {
    vi: 'số quyết định phải bắt đầu bằng số thứ tự, ví dụ 125/QĐ-UBND',
    en: 'a decision number starts with its number, e.g. 125/QĐ-UBND',
  },
  'history.issuedOn': {
    vi: 'ngày ký phải là ngày YYYY-MM-DD hoặc DD/MM/YYYY, từ năm 1945 đến {today}',
    en: 'the decision date is YYYY-MM-DD or DD/MM/YYYY, from 1945 to {today}',
  },
  'history.oneOf': { vi: 'phải là một trong: {values}', en: 'must be one of: {values}' },
  'history.year': { vi: 'phải là một năm từ {first} đến {last}', en: 'must be a year from {first} to {last}' },
  'history.yearAfterDecision': {
    vi: 'năm thành tích không thể sau năm ký quyết định',
    en: 'the year of the achievements cannot be after the decision',
  },
  'history.period.ORDER': {
    vi: 'thời gian lập thành tích (periodFrom–periodTo) không được bắt đầu sau năm kết thúc (khoản 9 Điều 30 Nghị định 98/2023/NĐ-CP)',
    en: 'the achievement period (periodFrom–periodTo) cannot start after it ends (Decree 98 Art 30.9)',
  },
  'history.period.AFTER_YEAR': {
    vi: 'thời gian lập thành tích (periodFrom–periodTo) phải kết thúc trong hoặc trước năm thành tích {year} (khoản 9 Điều 30 Nghị định 98/2023/NĐ-CP)',
    en: 'the achievement period (periodFrom–periodTo) must end in or before the year of the achievements, {year} (Decree 98 Art 30.9)',
  },
  'history.period.TOO_EARLY': {
    vi: 'thời gian lập thành tích không được bắt đầu trước năm 1945',
    en: 'the achievement period cannot start before 1945',
  },
  'history.nationalId': {
    vi: 'số định danh có 9 chữ số (CMND) hoặc 12 chữ số (CCCD)',
    en: 'a national id has 9 digits (CMND) or 12 digits (CCCD)',
  },
  'history.oneRecipient': {
    vi: 'nêu người được khen thưởng theo một cách: nationalId; hoặc fullName và organizationCode; hoặc tập thể collectiveCode',
    en: 'name the recipient one way: nationalId; or fullName with organizationCode; or a collective by collectiveCode',
  },
  'history.nameAndUnit': {
    vi: 'cần cả fullName (họ tên) và organizationCode (mã đơn vị)',
    en: 'needs both fullName and organizationCode',
  },
  'history.bonusAmount': {
    vi: 'tiền thưởng là số nguyên đồng, không âm',
    en: 'the bonus is a whole number of VND, not negative',
  },
  'history.noPerson': {
    vi: 'không có đúng một cá nhân tên này trong đơn vị {code} thuộc phạm vi của khóa API (trùng tên: hãy dùng nationalId)',
    en: "not exactly one individual of this name in organization {code} within this key's scope (namesakes: use nationalId)",
  },
  'history.notIssuer': {
    vi: 'không có tổ chức nào mang mã này',
    en: 'no organization has this code',
  },
  'history.decisionExists': {
    vi: 'quyết định {number} của cơ quan này trong năm đã có trong hệ thống',
    en: 'the issuer’s decision {number} of that year is already in the registry',
  },
  'history.duplicateRow': {
    vi: 'trùng với dòng {row}: cùng người (tập thể), cùng năm, cùng danh hiệu/hình thức thường xuyên; một thành tích chỉ được khen một lần (nguyên tắc Luật Thi đua, khen thưởng 2022)',
    en: 'repeats row {row}: the same recipient, year and regular award; one achievement is rewarded once (Law 2022 principles)',
  },
  'history.duplicateAward': {
    vi: 'hệ thống đã có khen thưởng thường xuyên này cho người (tập thể) và năm này (quyết định {number}); một thành tích chỉ được khen một lần (nguyên tắc Luật Thi đua, khen thưởng 2022)',
    en: 'the registry already holds this regular award for the recipient and year (decision {number}); one achievement is rewarded once (Law 2022 principles)',
  },
  'history.tooManyRows': {
    vi: 'tệp có {count} dòng dữ liệu; tối đa {max}',
    en: 'the file has {count} data rows; at most {max}',
  },
  'import.invalid': {
    vi: '{count} lỗi ở {rows} dòng: chưa nhập dữ liệu nào; hãy sửa mọi dòng nêu trong errors rồi tải tệp lên lại',
    en: '{count} problem(s) in {rows} row(s): nothing was imported; fix every row listed in `errors` and upload the file again',
  },
  'import.header': {
    vi: 'dòng đầu tiên phải là dòng tiêu đề: {columns}',
    en: 'the first row must be the header row: {columns}',
  },
  'import.unknownColumn': {
    vi: 'cột không xác định ({letter}); các cột hợp lệ: {columns}',
    en: 'unknown column ({letter}); the columns are {columns}',
  },
  'import.repeatedColumn': {
    vi: 'cột xuất hiện nhiều lần (lặp lại ở cột {letter})',
    en: 'the column appears more than once (again in {letter})',
  },
  'import.missingColumn': { vi: 'thiếu cột bắt buộc', en: 'required column is missing' },
  'import.missingColumnOneOf': {
    vi: 'thiếu cột bắt buộc: cần một trong các cột {columns}',
    en: 'required column is missing: give one of {columns}',
  },
  'import.valueWithoutHeader': {
    vi: 'có giá trị ở cột không có tiêu đề',
    en: 'a value in a column without a header',
  },
  'import.noRows': {
    vi: 'tệp không có dòng dữ liệu nào dưới dòng tiêu đề',
    en: 'the file has no data rows under the header row',
  },
  'import.notCsv': { vi: 'không đọc được theo định dạng CSV: {reason}', en: 'not readable as CSV: {reason}' },
  'import.both': {
    vi: 'chỉ nêu {column} hoặc {alternative}, không nêu cả hai',
    en: 'give {column} or {alternative}, not both',
  },
  'import.noNationalId': {
    vi: 'không có cá nhân nào mang số định danh này trong phạm vi của khóa API',
    en: "no individual with this national id in this key's scope",
  },
  'import.noOrganizationCode': { vi: 'không có tổ chức nào mang mã này', en: 'no organization has this code' },
  'import.oneNominee': {
    vi: 'chỉ nêu một đối tượng được đề nghị: cá nhân (individualId hoặc nationalId) hoặc tập thể (organizationId hoặc organizationCode)',
    en: 'give exactly one nominee: a person (individualId or nationalId) or a collective (organizationId or organizationCode)',
  },
  'import.duplicateRule': {
    vi: 'trùng với dòng {row}: cùng đối tượng, danh hiệu hoặc hình thức và năm, khen thưởng thường xuyên (R-DUP-1: một thành tích chỉ được khen thưởng một lần)',
    en: 'duplicates row {row}: the same nominee, award code and year on the REGULAR basis (R-DUP-1: one achievement is rewarded once)',
  },
  'import.duplicateRow': {
    vi: 'trùng với dòng {row}: cùng đối tượng, danh hiệu hoặc hình thức, năm, phương thức và thành tích',
    en: 'duplicates row {row}: the same nominee, award code, year, basis and achievements',
  },
  'import.tooManyRows': {
    vi: 'Tệp có {count} dòng dữ liệu; mỗi lần chỉ nhập tối đa {max} dòng: hãy chia thành các tệp nhỏ hơn',
    en: 'The file holds {count} data rows; at most {max} are imported at once: split it into smaller files',
  },
  'import.outOfScope': {
    vi: 'Tệp nêu tổ chức hoặc cá nhân nằm ngoài phạm vi của khóa API này: chưa nhập dữ liệu nào',
    en: "The file names organizations or people outside this key's scope: nothing was imported",
  },
  'import.replayOutOfScope': {
    vi: 'Tệp này đã được nhập trước đây bởi một khóa có phạm vi gồm các tổ chức nằm ngoài phạm vi của khóa này',
    en: "This file was imported before, by a key whose scope covers organizations outside this key's scope",
  },
  'import.multipart': {
    vi: 'Hãy gửi multipart/form-data với tệp .xlsx hoặc .csv trong trường file',
    en: 'Send multipart/form-data with the .xlsx or .csv file in the field `file`',
  },
  'import.fileRequired': {
    vi: 'là bắt buộc: tệp .xlsx hoặc .csv chứa danh sách đề nghị',
    en: 'is required: the .xlsx or .csv file of nominations',
  },
  'import.notXlsx': {
    vi: '"{name}" có đuôi .xlsx nhưng không phải sổ tính Excel',
    en: '"{name}" is named .xlsx but is not an Excel workbook',
  },
  'import.notUtf8': {
    vi: '"{name}" có đuôi .csv nhưng không phải văn bản UTF-8: hãy lưu dưới dạng "CSV UTF-8"',
    en: '"{name}" is named .csv but is not UTF-8 text: save it as "CSV UTF-8"',
  },
  'import.unknownType': {
    vi: '"{name}" không phải sổ tính .xlsx cũng không phải tệp .csv: hãy lưu trang tính dưới dạng Excel Workbook (.xlsx) hoặc CSV UTF-8 (.csv)',
    en: '"{name}" is neither an .xlsx workbook nor a .csv file: save the sheet as Excel Workbook (.xlsx) or CSV UTF-8 (.csv)',
  },
  'import.unreadableXlsx': {
    vi: 'Không đọc được tệp sổ tính Excel (.xlsx)',
    en: 'The file is not a readable Excel workbook (.xlsx)',
  },
  'import.unpackedTooLarge': {
    vi: 'Sổ tính giải nén ra hơn {max} byte: hãy chia thành các tệp nhỏ hơn',
    en: 'The workbook unpacks to more than {max} bytes: split it into smaller files',
  },

  // Certificates.
  'certificate.code': {
    vi: 'phải gồm {length} ký tự 0-9 và A-Z, không có I, L, O, U (dấu gạch ngang và khoảng trắng được bỏ qua)',
    en: 'must be {length} characters of 0-9 and A-Z without I, L, O, U (hyphens and spaces are ignored)',
  },
  'certificate.unknown': {
    vi: 'Không có giấy chứng nhận nào mang mã xác thực này',
    en: 'No certificate has this verification code',
  },

  // Decisions.
  'decision.sameNominationTwice': {
    vi: 'không được nêu cùng một đề nghị hai lần',
    en: 'must not name the same nomination twice',
  },
  'decision.unknownNominations': { vi: 'Không tồn tại các đề nghị: {ids}', en: 'Unknown nominations: {ids}' },
  'decision.noSymbol': {
    vi: 'Cơ quan ban hành {issuer} chưa có ký hiệu văn bản nên không thể đánh số quyết định theo dạng NN/QĐ-KÝHIỆU (Phụ lục I Nghị định 30/2020/NĐ-CP); hãy đặt documentSymbol cho tổ chức trước',
    en: 'The issuer {issuer} has no document symbol (ký hiệu), so its decisions cannot be numbered NN/QĐ-SYMBOL (Decree 30/2020 Annex I); set documentSymbol on the organization first',
  },
  'decision.lineNoLongerEligible': {
    vi: 'Đề nghị {id} không còn đủ điều kiện vào ngày ký quyết định: {text}',
    en: 'Nomination {id} is no longer eligible on the decision date: {text}',
  },
  'decision.breaks': {
    vi: 'Quyết định vi phạm {count} điều kiện: chưa ghi nhận gì',
    en: 'The decision breaks {count} rule check(s): nothing was recorded',
  },
  'decision.numberTaken': {
    vi: '{issuer} đã ban hành quyết định số {number} trong năm {year} (R-NUM-1)',
    en: '{issuer} already issued decision {number} in {year} (R-NUM-1)',
  },
  'revocation.unknownAwards': { vi: 'Không tồn tại các khen thưởng: {ids}', en: 'Unknown awards: {ids}' },
  'revocation.alreadyRevoked': {
    vi: 'Các khen thưởng {ids} đã bị thu hồi (R-REVOKE-1, Điều 93 Luật Thi đua, khen thưởng 2022)',
    en: 'Awards {ids} are already revoked (R-REVOKE-1, Law 2022 Art 93)',
  },
  'revocation.breaks': {
    vi: 'Quyết định hủy bỏ vi phạm {count} điều kiện (R-REVOKE-1, Điều 93 Luật Thi đua, khen thưởng 2022): chưa ghi nhận gì',
    en: 'The revocation breaks {count} rule check(s) (R-REVOKE-1, Law 2022 Art 93): nothing was recorded',
  },
  'revocation.outsideIssuer': {
    vi: 'Khen thưởng {ids} do cơ quan ngoài hệ thống quyết định ({issuer}); chỉ quản trị viên (ADMIN) ghi nhận việc hủy bỏ',
    en: 'Awards {ids} were granted by an issuer outside the registry ({issuer}); only an ADMIN records their revocation',
  },
  'revocation.notFlagged': {
    vi: 'Khen thưởng {award} không ở trạng thái cần xem xét lại (R-REVOKE-1)',
    en: 'Award {award} is not flagged for review (R-REVOKE-1)',
  },
  'decision.notALine': {
    vi: 'Khen thưởng {award} không thuộc quyết định {number}',
    en: 'Award {award} is not a line of decision {number}',
  },
  'decision.alreadyRevoked': {
    vi: 'Khen thưởng {award} đã bị thu hồi ngày {date}',
    en: 'Award {award} was already revoked on {date}',
  },
  'decision.nominationsOutOfScope': {
    vi: 'Các đề nghị {ids} do tổ chức {id} đề nghị, nằm ngoài phạm vi của khóa API này',
    en: "Nominations {ids} were proposed by organization {id}, outside this key's scope",
  },

  // Database and infrastructure.
  'db.registered.verificationCode': {
    vi: 'Hai khen thưởng trùng mã xác thực; hãy gửi lại yêu cầu',
    en: 'Two awards drew the same verification code; retry the request',
  },
  'db.registered.nominationDecided': {
    vi: 'Một đề nghị của quyết định này đã được khen thưởng bằng quyết định khác',
    en: 'A nomination of this decision has already been granted by another decision',
  },
  'db.registered.numberTaken': {
    vi: 'Cơ quan ban hành đã dùng số quyết định này trong năm (R-NUM-1)',
    en: 'The issuer already used this decision number this year (R-NUM-1)',
  },
  // Named constraints of the schema (database-errors.ts).
  'db.constraint1': {
    vi: 'Đã có tổ chức mang mã này (không phân biệt chữ hoa, chữ thường)',
    en: 'An organization with this code (ignoring case) already exists',
  },
  'db.constraint2': {
    vi: 'Ký hiệu văn bản chỉ được chứa chữ cái Latinh, chữ Đ, chữ số và "-"',
    en: 'A document symbol may contain Latin letters, Đ, digits and "-" only',
  },
  'db.constraint3': {
    vi: 'Số định danh này đã được đăng ký: mỗi người chỉ đăng ký một lần. Nếu người đó chuyển sang đơn vị khác, hãy dùng khóa có phạm vi gồm cả hai đơn vị để chuyển hồ sơ hiện có',
    en: 'This national id is already registered: a person is registered once. If they moved to another unit, a key whose scope covers both units moves the existing record',
  },
  'db.constraint4': {
    vi: 'Trùng mã truy cập, hãy thử lại',
    en: 'Token collision, retry',
  },
  'db.constraint5': {
    vi: 'Không thể chuyển một tổ chức vào dưới chính nó hoặc một tổ chức cấp dưới của nó',
    en: 'An organization cannot be moved under itself or one of its descendants',
  },
  'db.constraint6': {
    vi: 'Một tổ chức không thể là cấp trên của chính nó',
    en: 'An organization cannot be its own parent',
  },
  'db.constraint7': {
    vi: 'Vụ việc không thể kết thúc trước ngày bắt đầu',
    en: 'A case cannot close before it opened',
  },
  'db.constraint8': {
    vi: 'Tổ chức cấp trên không tồn tại',
    en: 'The parent organization does not exist',
  },
  'db.constraint9': {
    vi: 'Tổ chức không tồn tại',
    en: 'The organization does not exist',
  },
  'db.constraint10': {
    vi: 'Dòng này của tệp đã được nhập',
    en: 'This row of this file was already imported',
  },
  'db.constraint11': {
    vi: 'Cá nhân không tồn tại',
    en: 'The individual does not exist',
  },
  'db.constraint12': {
    vi: 'Tổ chức đề nghị không tồn tại',
    en: 'The proposing organization does not exist',
  },
  'db.constraint13': {
    vi: 'Mã danh hiệu, hình thức khen thưởng không tồn tại',
    en: 'The award code does not exist',
  },
  'db.constraint14': {
    vi: 'Hội đồng có từ 1 đến 1000 thành viên',
    en: 'A council has 1 to 1000 members',
  },
  'db.constraint15': {
    vi: 'Số hiệu văn bản về số thành viên Hội đồng dài từ 1 đến 200 ký tự',
    en: 'The reference of the council size takes 1 to 200 characters',
  },
  'db.constraint16': {
    vi: 'Kết quả biểu quyết cần số có mặt cộng số phiếu bằng văn bản không quá số thành viên và số đồng ý không quá số có mặt cộng số phiếu bằng văn bản',
    en: 'A vote needs present + writtenVotes ≤ members and yes ≤ present + writtenVotes',
  },
  'db.constraint17': {
    vi: 'Số hiệu biên bản dài từ 1 đến 100 ký tự',
    en: 'The minutes reference takes 1 to 100 characters',
  },
  'db.unavailable': {
    vi: 'Không kết nối được cơ sở dữ liệu; hãy thử lại sau ít phút',
    en: 'The database is not reachable; retry shortly',
  },
  'db.exists': { vi: 'Bản ghi này đã tồn tại', en: 'This record already exists' },
  'db.stillReferenced': {
    vi: 'Còn bản ghi khác tham chiếu đến bản ghi này',
    en: 'Other records still refer to this one',
  },
  'db.missingReference': { vi: 'Bản ghi được tham chiếu không tồn tại', en: 'A referenced record does not exist' },
  'db.checkViolation': {
    vi: 'Bản ghi vi phạm một quy định của hệ thống',
    en: 'The record breaks a rule of the registry',
  },
  'db.badValue': { vi: 'Có giá trị vượt giới hạn hoặc sai định dạng', en: 'A value is out of range or malformed' },
  'db.timeout': {
    vi: 'Truy vấn chạy quá lâu và đã bị hủy; hãy thu hẹp điều kiện hoặc thử lại',
    en: 'The query took too long and was cancelled; narrow it or retry',
  },
  'db.concurrent': {
    vi: 'Có thay đổi đồng thời xen vào; hãy gửi lại yêu cầu',
    en: 'A concurrent change got in the way; retry the request',
  },
  'rate.auth': {
    vi: 'Quá {max} lần xác thực thất bại mỗi phút từ địa chỉ này; hãy thử lại sau {seconds} giây',
    en: 'More than {max} failed authentications per minute from this client address; retry in {seconds} s',
  },
  'rate.who.address': { vi: 'địa chỉ này', en: 'this client address' },
  'rate.who.key': { vi: 'khóa API này', en: 'this API key' },
  'rate.requests': {
    vi: 'Quá {max} yêu cầu mỗi phút từ {who}; hãy thử lại sau {seconds} giây',
    en: 'More than {max} requests per minute from {who}; retry in {seconds} s',
  },
  'idempotency.malformed': {
    vi: 'phải gồm 1 đến 255 ký tự ASCII nhìn thấy được, gửi một lần (nên dùng UUID)',
    en: 'must be 1 to 255 visible ASCII characters, sent once (a UUID is a good key)',
  },
  'idempotency.reused': {
    vi: 'Idempotency-Key này đã được dùng cho một yêu cầu khác (phương thức, đường dẫn hoặc nội dung); hãy dùng khóa mới cho yêu cầu mới',
    en: 'This Idempotency-Key was already used for a different request (method, path or body); use a new key for a new request',
  },
  'idempotency.unknown': {
    vi: 'Yêu cầu đầu tiên với Idempotency-Key này đã thực hiện thay đổi nhưng mất phản hồi; hãy tra cứu bản ghi thay vì gửi lại',
    en: 'The first request with this Idempotency-Key made its change but its response was lost; look the record up instead of retrying',
  },
  'idempotency.inProgress': {
    vi: 'Một yêu cầu với Idempotency-Key này vẫn đang được xử lý; hãy thử lại sau ít giây',
    en: 'A request with this Idempotency-Key is still being processed; retry shortly',
  },
  'export.busy': {
    vi: 'Đang có {count} lượt xuất dữ liệu chạy trên máy chủ này; hãy thử lại sau ít phút',
    en: '{count} exports are already running on this instance; retry shortly',
  },
} as const;
