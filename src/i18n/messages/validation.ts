/**
 * Field errors of a 400 (`errors[].message`): the class-validator constraints the DTOs use and this service's own
 * validators, with the constraint's numbers. Field names stay as they are (they are machine names).
 */
export const VALIDATION_MESSAGES = {
  'validation.isInt': { vi: 'phải là số nguyên', en: 'must be an integer number' },
  'validation.isNumber': {
    vi: 'phải là một số hợp lệ',
    en: 'must be a number conforming to the specified constraints',
  },
  'validation.isString': { vi: 'phải là chuỗi ký tự', en: 'must be a string' },
  'validation.isBoolean': { vi: 'phải là giá trị true hoặc false', en: 'must be a boolean value' },
  'validation.isArray': { vi: 'phải là một mảng', en: 'must be an array' },
  'validation.isObject': { vi: 'phải là một đối tượng', en: 'must be an object' },
  'validation.isUUID': { vi: 'phải là một UUID', en: 'must be a UUID' },
  'validation.isIn': {
    vi: 'phải là một trong các giá trị: {values}',
    en: 'must be one of the following values: {values}',
  },
  'validation.min': { vi: 'không được nhỏ hơn {value}', en: 'must not be less than {value}' },
  'validation.max': { vi: 'không được lớn hơn {value}', en: 'must not be greater than {value}' },
  'validation.minLength': {
    vi: 'phải có ít nhất {value} ký tự',
    en: 'must be longer than or equal to {value} characters',
  },
  'validation.maxLength': {
    vi: 'không được dài quá {value} ký tự',
    en: 'must be shorter than or equal to {value} characters',
  },
  'validation.arrayMinSize': {
    vi: 'phải có ít nhất {value} phần tử',
    en: 'must contain at least {value} elements',
  },
  'validation.arrayMaxSize': {
    vi: 'không được có quá {value} phần tử',
    en: 'must contain no more than {value} elements',
  },
  'validation.arrayUnique': { vi: 'không được có phần tử trùng lặp', en: 'all elements must be unique' },
  'validation.notEmpty': { vi: 'không được để trống', en: 'should not be empty' },
  'validation.defined': { vi: 'là bắt buộc', en: 'should not be null or undefined' },
  'validation.unknownProperty': { vi: 'không được phép gửi', en: 'should not exist' },
  'validation.jsonObject': { vi: 'phải là một đối tượng JSON', en: 'must be a JSON object' },
  'validation.nested': { vi: 'phải là một đối tượng hoặc một mảng', en: 'must be either object or array' },
  'validation.matches': { vi: 'không đúng định dạng {pattern}', en: 'must match {pattern} regular expression' },
  'validation.calendarDate': {
    vi: 'phải là ngày có thật, viết theo dạng YYYY-MM-DD, từ {earliest} đến {latest}',
    en: 'must be a real calendar date written YYYY-MM-DD between {earliest} and {latest}',
  },
  'validation.decisionNumber': {
    vi: 'phải là số quyết định dạng {example}, hoặc một số nguyên từ 1 đến {max}',
    en: 'must be a decision number like {example}, or a whole number from 1 to {max}',
  },
  'validation.notInFuture': { vi: 'không được là ngày trong tương lai', en: 'must not be in the future' },
  'validation.decimalPlaces': {
    vi: 'chỉ được có tối đa {value} chữ số thập phân',
    en: 'must have at most {value} decimal places',
  },
  'validation.invisible': {
    vi: 'không được chứa ký tự ẩn hoặc ký tự điều khiển (có {found})',
    en: 'must not contain invisible or control characters (found {found})',
  },
  'validation.awardCode': {
    vi: 'phải là mã danh hiệu, hình thức khen thưởng: chữ in hoa, chữ số và "_", ví dụ GIAY_KHEN',
    en: 'must be an award code: upper-case letters, digits and "_", e.g. GIAY_KHEN',
  },
  'validation.organizationCode': {
    vi: 'chỉ được chứa chữ cái, chữ số, ".", "_" và "-"',
    en: 'may contain letters, digits, ".", "_" and "-" only',
  },
  'validation.documentSymbol': {
    vi: 'chỉ được chứa chữ cái Latinh, chữ Đ, chữ số và "-", ví dụ STTTT, SGDĐT hoặc SNgV',
    en: 'may contain Latin letters, Đ, digits and "-" only, e.g. STTTT, SGDĐT or SNgV',
  },
  'validation.nationalId': {
    vi: 'phải gồm 9 chữ số (CMND) hoặc 12 chữ số (CCCD)',
    en: 'must be 9 digits (CMND) or 12 digits (CCCD)',
  },
  'validation.auditAction': {
    vi: 'có dạng "nominations.approve"',
    en: 'looks like "nominations.approve"',
  },
  'validation.year': {
    vi: 'phải là năm từ {from} đến {until}, viết đủ bốn chữ số',
    en: 'must be a year between {from} and {until}, written with four digits',
  },
  'validation.cursor': {
    vi: 'không phải con trỏ phân trang do danh sách này trả về',
    en: 'is not a cursor returned by this list',
  },
  'validation.nul': { vi: 'không được chứa ký tự NUL (U+0000)', en: 'must not contain a NUL character (U+0000)' },
  'validation.tooDeep': {
    vi: 'lồng mảng hoặc đối tượng sâu quá {value} cấp',
    en: 'nests arrays or objects more than {value} levels deep',
  },
  'validation.tooMany': {
    vi: 'có tổng cộng hơn {value} khóa và phần tử mảng',
    en: 'holds more than {value} keys and array elements in all',
  },
  /** A class-validator sentence: its subject (the field) and what it must be, as class-validator words it. */
  'validation.withSubject': { vi: '{subject} {predicate}', en: '{subject} {predicate}' },
  'validation.subject.property': { vi: 'trường {name}', en: 'property {name}' },
  'validation.subject.nested': { vi: 'trường lồng {name}', en: 'nested property {name}' },
  'validation.subject.each': { vi: 'mỗi giá trị của {name}', en: 'each value in {name}' },
  /** A constraint without an entry yet: its English text, marked as such in Vietnamese. */
  'validation.other': { vi: 'giá trị không hợp lệ ({text})', en: '{text}' },
} as const;
