import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/decorators.js';
import { ApiProblems } from '../common/http/api-responses.js';
import { PublicRead } from '../common/http/public-cache.js';
import { VERIFICATION_CODE_PATTERN } from '../awards/verification-code.js';
import { CertificatesService } from './certificates.service.js';
import { CertificateDto } from './dto/certificate.dto.js';

@ApiTags('certificates')
@Controller('certificates')
export class CertificatesController {
  constructor(private readonly certificates: CertificatesService) {}

  @Get(':verificationCode')
  @Public()
  @PublicRead()
  @ApiParam({
    name: 'verificationCode',
    description: 'The code printed on the certificate: 20 characters, case-insensitive, hyphens and spaces ignored',
    example: 'ABCD-EFGH-JKMN-PQRS-TVWX',
    schema: { type: 'string', maxLength: 64, pattern: VERIFICATION_CODE_PATTERN },
  })
  @ApiOperation({
    summary: 'Verify a certificate (xác thực bằng khen, giấy khen) by its code',
    description: 'A revoked award answers `{ valid: false, revoked: true, … }` (R-REVOKE-1); an unknown code 404.',
  })
  @ApiOkResponse({ type: CertificateDto })
  @ApiProblems('400', '404')
  verify(@Param('verificationCode') verificationCode: string): Promise<CertificateDto> {
    return this.certificates.verify(verificationCode);
  }
}
