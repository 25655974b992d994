/** Shared pieces of messages: laws, ratings, recipient kinds, bases, lists, dates. */
export const COMMON_MESSAGES = {
  'law.2022': { vi: 'Luật Thi đua, khen thưởng 2022', en: 'Law 2022' },
  'law.2003': { vi: 'Luật Thi đua, khen thưởng 2003', en: 'Law 2003' },

  'rating.HTXS': { vi: 'Hoàn thành xuất sắc nhiệm vụ', en: 'HTXS' },
  'rating.HTT': { vi: 'Hoàn thành tốt nhiệm vụ', en: 'HTT' },
  'rating.HT': { vi: 'Hoàn thành nhiệm vụ', en: 'HT' },
  'rating.KHT': { vi: 'Không hoàn thành nhiệm vụ', en: 'KHT' },

  'recipient.an.INDIVIDUAL': { vi: 'cá nhân', en: 'an individual' },
  'recipient.an.COLLECTIVE': { vi: 'tập thể', en: 'a collective' },
  'recipient.an.HOUSEHOLD': { vi: 'hộ gia đình', en: 'a household' },
  'recipient.plain.INDIVIDUAL': { vi: 'cá nhân', en: 'individual' },
  'recipient.plain.COLLECTIVE': { vi: 'tập thể', en: 'collective' },
  'recipient.plain.HOUSEHOLD': { vi: 'hộ gia đình', en: 'household' },

  'basis.REGULAR': { vi: 'khen thưởng thường xuyên (REGULAR)', en: 'REGULAR' },
  'basis.THEMATIC': { vi: 'khen thưởng theo chuyên đề (THEMATIC)', en: 'THEMATIC' },
  'basis.AD_HOC': { vi: 'khen thưởng đột xuất (AD_HOC)', en: 'AD_HOC' },
  'basis.CAREER': { vi: 'khen thưởng quá trình cống hiến (CAREER)', en: 'CAREER' },
  'basis.SENIORITY': { vi: 'khen thưởng theo niên hạn (SENIORITY)', en: 'SENIORITY' },
  'basis.FOREIGN': { vi: 'khen thưởng đối ngoại (FOREIGN)', en: 'FOREIGN' },
  'basis.RESISTANCE': { vi: 'khen thưởng thành tích kháng chiến (RESISTANCE)', en: 'RESISTANCE' },

  /** `head` is a list (joined with commas), `last` its last item. */
  'list.or': { vi: '{head} hoặc {last}', en: '{head} or {last}' },
  'list.and': { vi: '{head} và {last}', en: '{head} and {last}' },
  'list.none': { vi: 'không có', en: 'none' },
  /** Two parts of a longer list, joined by a semicolon (field errors of one problem). */
  'list.semicolon': { vi: '{first}; {rest}', en: '{first}; {rest}' },
  /** A calendar date: 15/12/2023 in Vietnamese, 2023-12-15 in English. */
  'format.date': { vi: '{day}/{month}/{yyyy}', en: '{yyyy}-{month}-{day}' },
} as const;
