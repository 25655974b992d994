import { msg } from '../i18n/index.js';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ApiError, ErrorCode } from '../common/errors/problem.js';
import type { Principal } from './principal.js';

/**
 * Organization scope: an HR_OFFICER or APPROVER key acts on its organization and that organization's
 * subtree only; ADMIN and AUDITOR keys have no scope.
 */
@Injectable()
export class ScopeService {
  constructor(private readonly dataSource: DataSource) {}

  /** The organization whose subtree bounds what this principal may see or touch, or null for no bound. */
  scopeRoot(principal: Principal): string | null {
    return principal.role === 'HR_OFFICER' || principal.role === 'APPROVER' ? principal.organizationId : null;
  }

  async isInScope(principal: Principal, organizationId: string, manager?: EntityManager): Promise<boolean> {
    const root = this.scopeRoot(principal);
    if (root === null) return principal.role === 'ADMIN' || principal.role === 'AUDITOR';
    const rows: unknown[] = await (manager ?? this.dataSource.manager).query(
      'SELECT 1 FROM organization_closure WHERE ancestor_id = $1 AND descendant_id = $2',
      [root, organizationId],
    );
    return rows.length > 0;
  }

  /**
   * Separation of duties: what binds a unit's own approver (its quotas, its council's size) is set from above the
   * unit — by an ADMIN, or an APPROVER whose scope organization is a strict ancestor of `organizationId`. The unit's
   * own approver, and any key scoped inside the unit, may not.
   */
  async isAbove(principal: Principal, organizationId: string, manager?: EntityManager): Promise<boolean> {
    if (principal.role === 'ADMIN') return true;
    if (principal.role !== 'APPROVER' || principal.organizationId === null) return false;
    const rows: unknown[] = await (manager ?? this.dataSource.manager).query(
      'SELECT 1 FROM organization_closure WHERE ancestor_id = $1 AND descendant_id = $2 AND depth > 0',
      [principal.organizationId, organizationId],
    );
    return rows.length > 0;
  }

  /** 403 `NOT_ABOVE_ORGANIZATION` unless `isAbove`; `what` names what is being set, for the message. */
  async assertAbove(
    principal: Principal,
    organizationId: string,
    what: string,
    manager?: EntityManager,
  ): Promise<void> {
    if (!(await this.isAbove(principal, organizationId, manager))) {
      throw ApiError.forbidden(
        msg('error.setFromAbove', { what, id: organizationId }),
        ErrorCode.NOT_ABOVE_ORGANIZATION,
      );
    }
  }

  async assertInScope(principal: Principal, organizationId: string, manager?: EntityManager): Promise<void> {
    if (!(await this.isInScope(principal, organizationId, manager))) {
      throw ApiError.forbidden(msg('error.outOfScope', { id: organizationId }), ErrorCode.OUT_OF_SCOPE);
    }
  }
}
