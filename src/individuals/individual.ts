export const GENDERS = ['MALE', 'FEMALE'] as const;
export type Gender = (typeof GENDERS)[number];

/**
 * The groups of individuals in form 0603 of Circular 02/2023/TT-BNV, rows 06–10: leaders at ministry or province
 * level and above; leaders at department level (vụ, sở, ngành); entrepreneurs (doanh nhân); other leaders from deputy
 * head of division up; people working directly (workers, farmers…).
 */
export const REPORTING_CATEGORIES = [
  'PROVINCE_LEADER',
  'DEPARTMENT_LEADER',
  'ENTREPRENEUR',
  'OTHER_LEADER',
  'WORKER',
] as const;
export type ReportingCategory = (typeof REPORTING_CATEGORIES)[number];

/**
 * A person who can be nominated (cá nhân), as `individuals` holds it. Birth date and national id are personal data:
 * never public. Dates are `YYYY-MM-DD`.
 */
export interface Individual {
  id: string;
  fullName: string;
  gender: Gender | null;
  birthDate: string | null;
  nationalId: string | null;
  position: string | null;
  organizationId: string;
  joinedOn: string | null;
  /** Group of form 0603 (rows 06–10); null when not classified. */
  reportingCategory: ReportingCategory | null;
  /** Entered public service (ngày tuyển dụng), kept across transfers; R-LDTT-2, R-LDTT-3 read it. */
  recruitedOn: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** The columns a caller sets when registering a person or changing one. */
export type IndividualValues = Omit<Individual, 'id' | 'createdAt' | 'updatedAt'>;
