import { Module } from '@nestjs/common';
import { AwardsModule } from '../awards/awards.module.js';
import { CertificatesModule } from '../certificates/certificates.module.js';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { PublicPagesController } from './public-pages.controller.js';

/** Server-rendered public pages: certificate verification and the awardee lookup. */
@Module({
  imports: [AwardsModule, CertificatesModule, OrganizationsModule],
  controllers: [PublicPagesController],
})
export class PublicPagesModule {}
