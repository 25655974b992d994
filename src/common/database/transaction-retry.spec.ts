import { describe, expect, it } from '@jest/globals';
import { isRetryableTransactionError, TRANSACTION_ATTEMPTS, withTransactionRetry } from './transaction-retry.js';

const serializationFailure = () =>
  Object.assign(new Error('could not serialize access due to concurrent update'), { code: '40001' });
const deadlock = () => Object.assign(new Error('deadlock detected'), { driverError: { code: '40P01' } });

describe('transaction retry', () => {
  it.each([
    [{ code: '40001' }, true],
    [{ driverError: { code: '40P01' } }, true],
    [{ code: '23505' }, false],
    [{ code: '57P01' }, false],
    [new Error('x'), false],
    [undefined, false],
  ])('isRetryableTransactionError(%p) → %p', (error, expected) => {
    expect(isRetryableTransactionError(error)).toBe(expected);
  });

  it('runs the whole transaction again after a serialization failure or a deadlock', async () => {
    const failures = [serializationFailure(), deadlock()];
    let runs = 0;
    const transaction = () => {
      runs++;
      const failure = failures.shift();
      return failure ? Promise.reject(failure) : Promise.resolve('committed');
    };
    await expect(withTransactionRetry(transaction)).resolves.toBe('committed');
    expect(runs).toBe(3);
  });

  it(`stops after ${TRANSACTION_ATTEMPTS} attempts and throws the last failure`, async () => {
    let runs = 0;
    const last = serializationFailure();
    await expect(
      withTransactionRetry(() => {
        runs++;
        return Promise.reject(runs === TRANSACTION_ATTEMPTS ? last : serializationFailure());
      }),
    ).rejects.toBe(last);
    expect(runs).toBe(TRANSACTION_ATTEMPTS);
  });

  it('never retries other errors', async () => {
    let runs = 0;
    const uniqueViolation = Object.assign(new Error('duplicate key'), { code: '23505' });
    await expect(
      withTransactionRetry(() => {
        runs++;
        return Promise.reject(uniqueViolation);
      }),
    ).rejects.toBe(uniqueViolation);
    expect(runs).toBe(1);
  });
});
