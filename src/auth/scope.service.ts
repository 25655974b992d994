import { type Message, msg } from '../i18n/index.js';
import { Injectable } from '@nestjs/common';
import { ApiError, ErrorCode } from '../common/errors/problem.js';
import { OrganizationsRepository } from '../organizations/organizations.repository.js';
import type { Principal } from './principal.js';

/**
 * Organization scope: an HR_OFFICER or APPROVER key acts on its organization and that organization's
 * subtree only; ADMIN and AUDITOR keys have no scope.
 */
@Injectable()
export class ScopeService {
  constructor(private readonly organizations: OrganizationsRepository) {}

  /** The organization whose subtree bounds what this principal may see or touch, or null for no bound. */
  scopeRoot(principal: Principal): string | null {
    return principal.role === 'HR_OFFICER' || principal.role === 'APPROVER' ? principal.organizationId : null;
  }

  async isInScope(principal: Principal, organizationId: string): Promise<boolean> {
    const root = this.scopeRoot(principal);
    if (root === null) return principal.role === 'ADMIN' || principal.role === 'AUDITOR';
    return this.organizations.isWithin(root, organizationId);
  }

  /** `isInScope` for many organizations at once: the ones of `organizationIds` this principal may act on. */
  async inScopeOf(principal: Principal, organizationIds: readonly string[]): Promise<Set<string>> {
    const root = this.scopeRoot(principal);
    if (root === null) {
      return principal.role === 'ADMIN' || principal.role === 'AUDITOR' ? new Set(organizationIds) : new Set();
    }
    return this.organizations.withinOf(root, organizationIds);
  }

  /** The 403 `OUT_OF_SCOPE` of `assertInScope`. */
  outOfScope(organizationId: string): ApiError {
    return ApiError.forbidden(msg('error.outOfScope', { id: organizationId }), ErrorCode.OUT_OF_SCOPE);
  }

  /**
   * Separation of duties: what binds a unit's own approver (its quotas, its council's size) is set from above the
   * unit — by an ADMIN, or an APPROVER whose scope organization is a strict ancestor of `organizationId`. The unit's
   * own approver, and any key scoped inside the unit, may not.
   */
  async isAbove(principal: Principal, organizationId: string): Promise<boolean> {
    if (principal.role === 'ADMIN') return true;
    if (principal.role !== 'APPROVER' || principal.organizationId === null) return false;
    return this.organizations.isWithin(principal.organizationId, organizationId, true);
  }

  /** 403 `NOT_ABOVE_ORGANIZATION` unless `isAbove`; `what` names what is being set, for the message. */
  async assertAbove(principal: Principal, organizationId: string, what: Message): Promise<void> {
    if (!(await this.isAbove(principal, organizationId))) {
      throw ApiError.forbidden(
        msg('error.setFromAbove', { what, id: organizationId }),
        ErrorCode.NOT_ABOVE_ORGANIZATION,
      );
    }
  }

  async assertInScope(principal: Principal, organizationId: string): Promise<void> {
    if (!(await this.isInScope(principal, organizationId))) throw this.outOfScope(organizationId);
  }
}
