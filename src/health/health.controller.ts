import { Controller, Get, HttpStatus, Logger, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  type HealthCheckResult,
  HealthCheckService,
  type HealthIndicatorResult,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { Public } from '../auth/decorators.js';
import { ApiError, ErrorCode } from '../common/errors/problem.js';
import { ProblemDto } from '../common/http/problem.dto.js';
import { LivenessDto, ReadinessDto } from './health.dto.js';

/** How long readiness waits for `SELECT 1` before it reports the database down. */
export const DATABASE_PING_TIMEOUT_MS = 1000;

type CheckDetails = HealthIndicatorResult[string] & { responseTime?: number };

/** The public view of a check: its status and timing, never the error text (which may name hosts). */
function publicChecks(
  details: Record<string, CheckDetails>,
): Record<string, { status: 'up' | 'down'; responseTimeMs?: number }> {
  return Object.fromEntries(
    Object.entries(details).map(([key, value]) => [
      key,
      {
        status: value.status === 'up' ? 'up' : 'down',
        ...(typeof value.responseTime === 'number' ? { responseTimeMs: value.responseTime } : {}),
      },
    ]),
  );
}

/** Probes for orchestrators: liveness (the process answers) and readiness (the database answers too). */
@ApiTags('health')
@Controller('health')
export class HealthController {
  private readonly logger = new Logger('Health');

  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
  ) {}

  @Get('live')
  @Public()
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOperation({ summary: 'Liveness: 200 while the process runs; touches no dependency' })
  @ApiOkResponse({ type: LivenessDto })
  @ApiServiceUnavailableResponse({ description: 'The server is closing (shutdown in progress)' })
  live(): LivenessDto {
    return { status: 'ok' };
  }

  @Get('ready')
  @Public()
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOperation({
    summary: 'Readiness: 200 when PostgreSQL answers `SELECT 1` within 1 s',
    description:
      'Otherwise 503 `application/problem+json` with code `SERVICE_UNAVAILABLE`, a `checks` object giving each ' +
      "dependency's status, and `Retry-After`. Also 503 while the service shuts down.",
  })
  @ApiOkResponse({ type: ReadinessDto })
  @ApiServiceUnavailableResponse({
    description: 'The database did not answer in time, or the service is shutting down',
    type: ProblemDto,
  })
  async ready(): Promise<ReadinessDto> {
    let result: HealthCheckResult;
    try {
      result = await this.health.check([
        () => this.database.pingCheck('database', { timeout: DATABASE_PING_TIMEOUT_MS }),
      ]);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      result = error.getResponse() as HealthCheckResult;
    }
    const details = result.details as Record<string, CheckDetails>;
    if (result.status === 'ok')
      return { status: 'ok', checks: publicChecks(details) as unknown as ReadinessDto['checks'] };

    this.logger.warn({ status: result.status, details }, 'not ready');
    const detail =
      result.status === 'shutting_down'
        ? 'The service is shutting down'
        : `The database did not answer SELECT 1 within ${DATABASE_PING_TIMEOUT_MS} ms; retry shortly`;
    throw new ApiError(HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.SERVICE_UNAVAILABLE, 'Service unavailable', detail, {
      checks: publicChecks(details),
    });
  }
}
