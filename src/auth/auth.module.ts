import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApiKeysModule } from '../api-keys/api-keys.module.js';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { Authenticator, AuthGuard } from './auth.guard.js';
import { ScopeService } from './scope.service.js';

/** Who the caller is (the global guard, through the API keys' repository) and what it may reach (scope). */
@Global()
@Module({
  imports: [ApiKeysModule, OrganizationsModule],
  providers: [ScopeService, Authenticator, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [ScopeService, Authenticator],
})
export class AuthModule {}
