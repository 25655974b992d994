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

  async assertInScope(principal: Principal, organizationId: string, manager?: EntityManager): Promise<void> {
    if (!(await this.isInScope(principal, organizationId, manager))) {
      throw ApiError.forbidden(`Organization ${organizationId} is outside this key's scope`, ErrorCode.OUT_OF_SCOPE);
    }
  }
}
