import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/pagination.js';
import { GENDERS, REPORTING_CATEGORIES, type Gender, type ReportingCategory } from '../individual.js';
import { IsCalendarDate, IsNotInFuture } from '../../common/validation/dates.js';
import { HumanName } from '../../common/validation/human-name.js';

/**
 * Trims, collapses runs of whitespace and composes Vietnamese letters (NFC), so "Nguyễn" typed on any keyboard
 * is stored, compared and searched the same way.
 */
export const normalizeText = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.normalize('NFC').replace(/\s+/g, ' ').trim() : value;

export class CreateIndividualDto {
  /** Full name (họ và tên), e.g. "Nguyễn Văn An". */
  @ApiProperty({ example: 'Nguyễn Văn An' })
  @HumanName()
  @IsString()
  @Length(1, 200)
  fullName: string;

  /** Gender (giới tính). */
  @ApiPropertyOptional({ enum: GENDERS, enumName: 'Gender', nullable: true })
  @IsOptional()
  @IsIn(GENDERS)
  gender?: Gender | null;

  /** Date of birth (ngày sinh), `YYYY-MM-DD`, not in the future. Personal data. */
  @ApiPropertyOptional({ type: String, format: 'date', example: '1985-04-12', nullable: true })
  @IsOptional()
  @IsCalendarDate()
  @IsNotInFuture()
  birthDate?: string | null;

  /** National id (số CMND/CCCD): 9 digits (old identity card) or 12 digits (citizen id card). Unique. Personal data. */
  @ApiPropertyOptional({ type: String, example: '011085001234', nullable: true })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Matches(/^(\d{9}|\d{12})$/, { message: 'nationalId must be 9 digits (CMND) or 12 digits (CCCD)' })
  nationalId?: string | null;

  /** Position or job title (chức vụ), e.g. "Chuyên viên". */
  @ApiPropertyOptional({ type: String, example: 'Chuyên viên', nullable: true })
  @IsOptional()
  @HumanName()
  @IsString()
  @Length(1, 200)
  position?: string | null;

  /** The organization the person works in (đơn vị công tác); an HR officer must have it in scope. */
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  organizationId: string;

  /** Date the person joined the organization (ngày vào cơ quan), `YYYY-MM-DD`. */
  @ApiPropertyOptional({ type: String, format: 'date', example: '2010-09-01', nullable: true })
  @IsOptional()
  @IsCalendarDate()
  joinedOn?: string | null;

  /**
   * The person's group in form 0603 of Circular 02/2023/TT-BNV (rows 06–10): `PROVINCE_LEADER` (leader at ministry or
   * province level and above), `DEPARTMENT_LEADER` (vụ, sở, ngành), `ENTREPRENEUR` (doanh nhân), `OTHER_LEADER` (from
   * deputy head of division up), `WORKER` (working directly: workers, farmers…). Unclassified people count in row 05
   * only.
   */
  @ApiPropertyOptional({ enum: REPORTING_CATEGORIES, enumName: 'ReportingCategory', nullable: true })
  @IsOptional()
  @IsIn(REPORTING_CATEGORIES)
  reportingCategory?: ReportingCategory | null;

  /**
   * Date the person entered public service (ngày tuyển dụng), `YYYY-MM-DD`: a transferee keeps it, so it may be
   * earlier than `joinedOn`, never later. Lao động tiên tiến needs 6 months of service in the year from 2024-04-15
   * (R-LDTT-3, Circular 01/2024/TT-BNV Art 1.5), 10 months before 2024 (R-LDTT-2, Decree 91/2017 Art 10).
   */
  @ApiPropertyOptional({ type: String, format: 'date', example: '2008-09-01', nullable: true })
  @IsOptional()
  @IsCalendarDate()
  recruitedOn?: string | null;
}

/**
 * Every field optional; `null` clears an optional field. A new `organizationId` moves the person: the caller
 * needs both the old and the new organization in scope.
 */
export class UpdateIndividualDto extends PartialType(CreateIndividualDto) {}

export class ListIndividualsQueryDto extends PageQueryDto {
  /** People of this organization and of every organization under it (whole subtree). */
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  organizationId?: string;

  /** Full name contains this, ignoring diacritics and case: "nguyen van an" finds "Nguyễn Văn An". */
  @IsOptional()
  @Transform(normalizeText)
  @IsString()
  @MaxLength(200)
  q?: string;
}

/** A person (cá nhân), with personal data: only ever shown to authenticated callers. */
export class IndividualDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  /** Full name (họ và tên). */
  fullName: string;
  /** Gender (giới tính). */
  @ApiProperty({ enum: GENDERS, enumName: 'Gender', nullable: true })
  gender: Gender | null;
  /** Date of birth (ngày sinh). */
  @ApiProperty({ type: String, format: 'date', nullable: true })
  birthDate: string | null;
  /** National id (số CMND/CCCD). */
  @ApiProperty({ type: String, nullable: true })
  nationalId: string | null;
  /** Position (chức vụ). */
  @ApiProperty({ type: String, nullable: true })
  position: string | null;
  /** Organization the person works in (đơn vị công tác). */
  @ApiProperty({ format: 'uuid' })
  organizationId: string;
  /** Date the person joined the organization. */
  @ApiProperty({ type: String, format: 'date', nullable: true })
  joinedOn: string | null;
  /** Group in form 0603 (rows 06–10); null when not classified. */
  @ApiProperty({ enum: REPORTING_CATEGORIES, enumName: 'ReportingCategory', nullable: true })
  reportingCategory: ReportingCategory | null;

  /** Date the person entered public service (ngày tuyển dụng). */
  @ApiProperty({ type: String, format: 'date', nullable: true })
  recruitedOn: string | null;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}
