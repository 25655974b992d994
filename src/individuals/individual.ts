export const GENDERS = ['MALE', 'FEMALE'] as const;
export type Gender = (typeof GENDERS)[number];

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
  /** Entered public service (ngày tuyển dụng), kept across transfers; R-LDTT-2, R-LDTT-3 read it. */
  recruitedOn: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** The columns a caller sets when registering a person or changing one. */
export type IndividualValues = Omit<Individual, 'id' | 'createdAt' | 'updatedAt'>;
