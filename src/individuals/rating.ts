import type { Rating } from '../rules/index.js';

/** A person's annual rating (xếp loại) of a year: HTXS excellent, HTT good, HT complete, KHT not complete. */
export interface IndividualRating {
  individualId: string;
  year: number;
  rating: Rating;
  updatedAt: Date;
}
