import { msg } from '../i18n/index.js';
import { describe, expect, it } from '@jest/globals';
import type { NominationStatus } from '../rules/index.js';
import {
  blockedFrom,
  canPerform,
  isRetryableTransactionError,
  NOMINATION_ACTIONS,
  nomineeLockKeys,
  quotaLockKeys,
  regimeForNomination,
  statusAfter,
  TRANSITIONS,
  violationsOf,
  withChecks,
  withTransactionRetry,
  type TransitionAction,
} from './workflow.js';

describe('workflow transitions (docs/rules.md, Workflow of a nomination)', () => {
  it.each<[TransitionAction, NominationStatus, boolean, NominationStatus]>([
    ['SUBMIT', 'DRAFT', true, 'SUBMITTED'],
    ['SUBMIT', 'RETURNED', true, 'SUBMITTED'],
    ['SUBMIT', 'SUBMITTED', false, 'SUBMITTED'],
    ['RETURN', 'SUBMITTED', true, 'RETURNED'],
    ['RETURN', 'DRAFT', false, 'DRAFT'],
    ['WITHDRAW', 'DRAFT', true, 'WITHDRAWN'],
    ['WITHDRAW', 'RETURNED', true, 'WITHDRAWN'],
    ['WITHDRAW', 'SUBMITTED', true, 'WITHDRAWN'],
    ['WITHDRAW', 'APPROVED', false, 'APPROVED'],
    ['APPROVE', 'SUBMITTED', true, 'APPROVED'],
    ['APPROVE', 'APPROVED', false, 'APPROVED'],
    ['APPROVE', 'DRAFT', false, 'DRAFT'],
    ['REJECT', 'SUBMITTED', true, 'REJECTED'],
    ['REJECT', 'DECIDED', false, 'DECIDED'],
    ['VOTE', 'SUBMITTED', true, 'SUBMITTED'],
    ['VOTE', 'DRAFT', false, 'DRAFT'],
    ['EDIT', 'DRAFT', true, 'DRAFT'],
    ['EDIT', 'RETURNED', true, 'RETURNED'],
    ['EDIT', 'SUBMITTED', false, 'SUBMITTED'],
    ['DECIDE', 'APPROVED', true, 'DECIDED'],
    ['DECIDE', 'SUBMITTED', false, 'SUBMITTED'],
    ['DECIDE', 'DRAFT', false, 'DRAFT'],
    ['DECIDE', 'RETURNED', false, 'RETURNED'],
    ['DECIDE', 'REJECTED', false, 'REJECTED'],
    ['DECIDE', 'WITHDRAWN', false, 'WITHDRAWN'],
    ['DECIDE', 'DECIDED', false, 'DECIDED'],
  ])('%s from %s: allowed %p', (action, from, allowed, to) => {
    expect(canPerform(action, from)).toBe(allowed);
    if (allowed) expect(statusAfter(action, from)).toBe(to);
  });

  it('never moves a WITHDRAWN, REJECTED or DECIDED nomination', () => {
    for (const status of ['WITHDRAWN', 'REJECTED', 'DECIDED'] as const) {
      for (const action of ['EDIT', 'SUBMIT', 'RETURN', 'WITHDRAW', 'VOTE', 'APPROVE', 'REJECT', 'DECIDE'] as const) {
        expect(canPerform(action, status)).toBe(false);
      }
    }
  });

  it('lists DECIDE among the history actions, so the documented enum covers what a decision appends', () => {
    expect(NOMINATION_ACTIONS).toContain('DECIDE');
    for (const action of Object.keys(TRANSITIONS)) expect(NOMINATION_ACTIONS).toContain(action);
  });

  it('blockedFrom: the nominations an action cannot start from, in order', () => {
    const nominations = [
      { id: 'a', status: 'APPROVED' as const },
      { id: 'b', status: 'SUBMITTED' as const },
      { id: 'c', status: 'APPROVED' as const },
      { id: 'd', status: 'DECIDED' as const },
    ];
    expect(blockedFrom('DECIDE', nominations).map((n) => n.id)).toEqual(['b', 'd']);
    expect(blockedFrom('DECIDE', [nominations[0], nominations[2]])).toEqual([]);
  });
});

describe('regimeForNomination', () => {
  it('uses the expected decision date when given', () => {
    expect(regimeForNomination('2023-12-31')).toBe('TDKT_2003_ND91');
    expect(regimeForNomination('2024-01-01')).toBe('TDKT_2022_ND98');
    expect(regimeForNomination('2025-07-01')).toBe('TDKT_2022_ND152');
  });

  it("else today's date in Vietnam (UTC+7)", () => {
    // 2025-06-30 17:30 UTC is already 1 July in Vietnam.
    expect(regimeForNomination(null, new Date('2025-06-30T17:30:00Z'))).toBe('TDKT_2022_ND152');
    expect(regimeForNomination(undefined, new Date('2025-06-30T16:59:00Z'))).toBe('TDKT_2022_ND98');
  });
});

describe('violationsOf / withChecks', () => {
  const ok = msg('rules.hold.none');
  const cap = msg('rules.quota.max', { max: 3 });
  const held = msg('rules.hold.open', { count: 1 });
  const pass = { rule: 'R-KIND-1', passed: true, message: ok };
  const fail = { rule: 'R-QUOTA-UNIT', passed: false, message: cap, limit: 3, actual: 4 };

  it('lists failing checks only, keeping limit and actual where present', () => {
    expect(violationsOf([pass, fail, { rule: 'R-HOLD-1', passed: false, message: held }])).toEqual([
      { rule: 'R-QUOTA-UNIT', message: cap, limit: 3, actual: 4 },
      { rule: 'R-HOLD-1', message: held },
    ]);
  });

  it('adds checks to an evaluation; one failure makes it not eligible', () => {
    const base = { eligible: true, regime: 'TDKT_2022_ND98' as const, checks: [pass] };
    expect(withChecks(base, [pass]).eligible).toBe(true);
    const combined = withChecks(base, [fail]);
    expect(combined).toEqual({ eligible: false, regime: 'TDKT_2022_ND98', checks: [pass, fail] });
    expect(base.checks).toHaveLength(1);
  });
});

describe('transaction retry', () => {
  it.each([
    [{ code: '40001' }, true],
    [{ driverError: { code: '40P01' } }, true],
    [{ code: '23505' }, false],
    [new Error('x'), false],
    [null, false],
  ])('isRetryableTransactionError(%p) → %p', (error, expected) => {
    expect(isRetryableTransactionError(error)).toBe(expected);
  });

  it('retries a serialization failure and returns the later success', async () => {
    let calls = 0;
    const result = await withTransactionRetry(() => {
      calls++;
      if (calls < 3) return Promise.reject(Object.assign(new Error('could not serialize access'), { code: '40001' }));
      return Promise.resolve('done');
    });
    expect(result).toBe('done');
    expect(calls).toBe(3);
  });

  it('gives up after the bounded number of attempts, and never retries other errors', async () => {
    let calls = 0;
    const deadlock = Object.assign(new Error('deadlock detected'), { code: '40P01' });
    await expect(
      withTransactionRetry(() => {
        calls++;
        return Promise.reject(deadlock);
      }, 2),
    ).rejects.toBe(deadlock);
    expect(calls).toBe(2);
    calls = 0;
    await expect(
      withTransactionRetry(() => {
        calls++;
        return Promise.reject(new Error('boom'));
      }),
    ).rejects.toThrow('boom');
    expect(calls).toBe(1);
  });
});

describe('nomineeLockKeys and quotaLockKeys', () => {
  it('namespace each key', () => {
    expect(nomineeLockKeys(['person'])).toEqual(['nominations:nominee:person']);
    expect(quotaLockKeys([{ proposingOrganizationId: 'org', year: 2023 }])).toEqual(['nominations:quota:org:2023']);
  });

  it('take every key once, sorted', () => {
    const items = [
      { proposingOrganizationId: 'b', year: 2024, nomineeId: 'y' },
      { proposingOrganizationId: 'a', year: 2024, nomineeId: 'z' },
      { proposingOrganizationId: 'b', year: 2024, nomineeId: 'x' },
      { proposingOrganizationId: 'a', year: 2023, nomineeId: 'y' },
    ];
    expect(nomineeLockKeys(items.map((i) => i.nomineeId))).toEqual([
      'nominations:nominee:x',
      'nominations:nominee:y',
      'nominations:nominee:z',
    ]);
    expect(quotaLockKeys(items)).toEqual([
      'nominations:quota:a:2023',
      'nominations:quota:a:2024',
      'nominations:quota:b:2024',
    ]);
  });
});
