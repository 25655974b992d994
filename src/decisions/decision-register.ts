import { HttpStatus } from '@nestjs/common';
import { msg } from '../i18n/index.js';
import { ApiError } from '../common/errors/problem.js';
import type { DecisionsRepository } from './decisions.repository.js';

/**
 * R-NUM-1: the number of a new decision of `issuer` in `year` — award decision or revocation, one register — taken
 * under the series' lock (held until COMMIT): the given number when no decision or revocation of the year holds it
 * (else 409 `DECISION_NUMBER_TAKEN`, naming the holder), or the next of the series when none was given.
 */
export async function takeDecisionNumber(
  decisions: DecisionsRepository,
  issuer: { id: string; name: string },
  year: number,
  given: number | undefined,
): Promise<number> {
  await decisions.lockNumberSeries(issuer.id, year);
  if (given === undefined) return decisions.nextNumber(issuer.id, year);
  const taken = await decisions.findByNumber(issuer.id, year, given);
  if (taken) {
    throw new ApiError(
      HttpStatus.CONFLICT,
      'DECISION_NUMBER_TAKEN',
      msg('problem.title.409'),
      msg('decision.numberTaken', { issuer: issuer.name, number: taken.numberText, year }),
      {
        errors: [{ field: 'number', message: `${taken.numberText} is already used in ${year}` }],
        [taken.kind === 'DECISION' ? 'decisionId' : 'revocationId']: taken.id,
      },
    );
  }
  return given;
}
