import { describe, expect, it } from '@jest/globals';
import { makeApprovedNomination, makeDecision, makeEligible, makeIndividual, makeTree } from '../support/factories.js';
import { useTwoInstances } from '../support/lifecycle.js';
import { bearer, BOOTSTRAP_TOKEN } from '../support/test-app.js';
import { byDepartment } from '../support/world.js';

const ADMIN = bearer(BOOTSTRAP_TOKEN);
const Y = 2024;

/**
 * R-REVOKE-1 across two instances: a decision that counts an award (a CSTĐ cơ sở counting the year's Lao động tiên
 * tiến, R-CSCS-1) and the revocation of that award, sent at once to two instances. Either the decision is signed
 * first and the revocation flags its award, or the revocation is first and the decision refuses the line; never an
 * award that counted a revoked one without the flag.
 */
describe('revocation against a decision that counts the revoked award, on two instances', () => {
  const instances = useTwoInstances();
  const { t } = instances;

  it('flags the new award or refuses it, whichever commits first', async () => {
    const tree = await makeTree(t);
    const outcomes: string[] = [];
    for (let round = 0; round < 8; round++) {
      const person = await makeIndividual(t, tree.unit.id);
      await makeEligible(t, person.id, 'CHIEN_SI_THI_DUA_CO_SO', Y);
      const ldtt = await makeApprovedNomination(t, byDepartment(tree, Y, 'LAO_DONG_TIEN_TIEN', person.id));
      const granted = await makeDecision(t, {
        issuerOrganizationId: tree.department.id,
        issuedOn: '2025-01-10',
        nominationIds: [ldtt.id],
      });
      const cscs = await makeApprovedNomination(t, byDepartment(tree, Y, 'CHIEN_SI_THI_DUA_CO_SO', person.id));

      const decide = () =>
        instances.first
          .post('/api/v1/decisions')
          .set(ADMIN)
          .send({
            issuerOrganizationId: tree.department.id,
            issuedOn: '2025-01-20',
            signerName: 'Vũ Anh Dũng',
            signerTitle: 'Giám đốc',
            signingMode: 'DIRECT',
            nominationIds: [cscs.id],
          });
      const revoke = () =>
        instances.second.http
          .post('/api/v1/revocations')
          .set(ADMIN)
          .send({
            issuerOrganizationId: tree.department.id,
            issuedOn: '2025-06-02',
            ground: 'B',
            reason: 'Làm giả hồ sơ',
            awardIds: [granted.awards[0].id],
          });
      const [decision, revocation] =
        round % 2 === 0 ? await Promise.all([decide(), revoke()]) : (await Promise.all([revoke(), decide()])).reverse();

      expect(revocation.status).toBe(201);
      if (decision.status === 201) {
        const award = decision.body.awards[0] as { id: string };
        const [row] = await t.db.query<{ needs_review: boolean; review_revocation_id: string | null }[]>(
          'SELECT needs_review, review_revocation_id FROM awards WHERE id = $1',
          [award.id],
        );
        expect(row).toEqual({ needs_review: true, review_revocation_id: revocation.body.id });
        outcomes.push('flagged');
      } else {
        expect(decision.status).toBe(422);
        expect(decision.body.violations).toContainEqual(expect.objectContaining({ rule: 'R-CSCS-1' }));
        outcomes.push('refused');
      }
    }
    // Without the recipients' lock in the decision, a decision judged before the revocation and committed after it
    // leaves its award unflagged: this fails within a few rounds.
    expect(outcomes).toHaveLength(8);
  });
});
