import { ApiProperty } from '@nestjs/swagger';

export class LivenessDto {
  /** Always `ok` while the process runs and serves HTTP. */
  @ApiProperty({ enum: ['ok'] })
  status: 'ok';
}

export class DependencyCheckDto {
  @ApiProperty({ enum: ['up', 'down'] })
  status: 'up' | 'down';
  /** How long the check took, in milliseconds. */
  responseTimeMs?: number;
}

export class ReadinessChecksDto {
  /** PostgreSQL answered `SELECT 1` within the timeout. */
  database: DependencyCheckDto;
}

export class ReadinessDto {
  /** `ok`: the service can take traffic. Otherwise the answer is a 503 problem. */
  @ApiProperty({ enum: ['ok'] })
  status: 'ok';
  checks: ReadinessChecksDto;
}
