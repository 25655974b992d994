import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthGuard } from './auth.guard.js';
import { ScopeService } from './scope.service.js';

@Global()
@Module({
  providers: [ScopeService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [ScopeService],
})
export class AuthModule {}
