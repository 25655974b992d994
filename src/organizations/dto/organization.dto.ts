import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/pagination.js';
import { ORGANIZATION_KINDS, type OrganizationKind } from '../organization.js';
import { DECISION_NUMBERINGS, type DecisionNumbering } from '../../rules/index.js';
import { HumanName } from '../../common/validation/human-name.js';
import { IsCalendarDate, WORKFLOW_DATES } from '../../common/validation/dates.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateOrganizationDto {
  /** Code of the organization, e.g. `DB-STTTT`: unique ignoring case (`db-stttt` is taken too). */
  @Transform(trim)
  @IsString()
  @Length(1, 64)
  @Matches(/^[A-Za-z0-9._-]+$/, { message: 'code may contain letters, digits, ".", "_" and "-" only' })
  code: string;

  /** Full name (tên cơ quan, đơn vị), e.g. "Sở Thông tin và Truyền thông tỉnh Điện Biên". */
  @HumanName()
  @IsString()
  @Length(1, 300)
  name: string;

  /** Short name, e.g. "Sở TT&TT". */
  @IsOptional()
  @HumanName()
  @IsString()
  @Length(1, 100)
  shortName?: string;

  /** Kind of organization (loại hình). */
  @ApiProperty({ enum: ORGANIZATION_KINDS, enumName: 'OrganizationKind' })
  @IsIn(ORGANIZATION_KINDS)
  kind: OrganizationKind;

  /** Parent organization; omit for a root (a province). */
  @IsOptional()
  @IsUUID('all')
  parentId?: string;

  /**
   * Symbol used in decision numbers (ký hiệu văn bản), e.g. `STTTT` in `05/QĐ-STTTT`: Latin letters, `Đ`/`đ` (as in
   * `SGDĐT`, `SNgV`), digits and `-` only, so no look-alike letter (Cyrillic `С`, `Т`) starts a second series.
   */
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 32)
  @Matches(/^[A-Za-z0-9Đđ-]+$/, {
    message: 'documentSymbol may contain Latin letters, Đ, digits and "-" only, e.g. STTTT, SGDĐT or SNgV',
  })
  documentSymbol?: string;

  /**
   * How its award decisions are numbered (R-NUM-1, Decree 30/2020 Annex I). `REGISTER` (default): the number comes
   * from the document register (văn thư), which numbers all of the agency's documents, and must be given in
   * `POST /decisions`; `AUTO`: the issuer keeps a dedicated series and the registry assigns the next number.
   */
  @ApiPropertyOptional({ enum: DECISION_NUMBERINGS, enumName: 'DecisionNumbering', default: 'REGISTER' })
  @IsOptional()
  @IsIn(DECISION_NUMBERINGS)
  decisionNumbering?: DecisionNumbering;

  /**
   * An enterprise (doanh nghiệp), counted in row 03 of form 0603 (Circular 02/2023/TT-BNV) among the collectives.
   * Kind `ENTERPRISE` implies it (`false` is refused); default false for other kinds (a state-owned company kept as
   * `UNIT` can be marked).
   */
  @IsOptional()
  @IsBoolean()
  enterprise?: boolean;

  /**
   * First day the organization exists (R-ORG-1), e.g. the date of the decision that founds it; omit when it existed
   * before the registry. Set at creation only; the end of its life is recorded by `POST /organizations/{id}/dissolve`.
   */
  @ApiPropertyOptional({ format: 'date', example: '2025-03-01' })
  @IsOptional()
  @IsCalendarDate()
  validFrom?: string;
}

/** Its life is not edited here: `validFrom` is set at creation, `validTo` and `successorId` by the dissolve route. */
export class UpdateOrganizationDto extends PartialType(OmitType(CreateOrganizationDto, ['validFrom'] as const)) {}

/** `POST /organizations/{id}/dissolve`: the organization ceases on `on` (merger, dissolution; R-ORG-1). */
export class DissolveOrganizationDto {
  /**
   * The day the organization ceases to exist, e.g. `2025-03-01` for Sở Thông tin và Truyền thông merged into Sở Khoa
   * học và Công nghệ on that day. Its `validTo` becomes the day before: its last day. From `on`, it issues no decision
   * and receives no collective award.
   */
  @ApiProperty({ format: 'date', example: '2025-03-01' })
  @IsCalendarDate(WORKFLOW_DATES)
  on: string;

  /** The organization that takes over (it must exist on `on`, and be neither this one nor one below it). */
  @IsOptional()
  @IsUUID('all')
  successorId?: string;
}

export class ListOrganizationsQueryDto extends PageQueryDto {
  /** Direct children of this organization. */
  @IsOptional()
  @IsUUID('all')
  parentId?: string;

  /** The whole subtree under this organization (itself included). */
  @IsOptional()
  @IsUUID('all')
  ancestorId?: string;

  /** Name, short name or code contains this, ignoring diacritics and case. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: ORGANIZATION_KINDS, enumName: 'OrganizationKind' })
  @IsOptional()
  @IsIn(ORGANIZATION_KINDS)
  kind?: OrganizationKind;

  /** Only the organizations that exist on this day (R-ORG-1); without it, all, dissolved ones included. */
  @ApiPropertyOptional({ format: 'date', example: '2025-03-01' })
  @IsOptional()
  @IsCalendarDate(WORKFLOW_DATES)
  activeOn?: string;
}

export class OrganizationDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  code: string;
  name: string;
  @ApiProperty({ type: String, nullable: true })
  shortName: string | null;
  @ApiProperty({ enum: ORGANIZATION_KINDS, enumName: 'OrganizationKind' })
  kind: OrganizationKind;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  parentId: string | null;
  @ApiProperty({ type: String, nullable: true })
  documentSymbol: string | null;
  /** How its award decisions are numbered (R-NUM-1): REGISTER (given) or AUTO (assigned). */
  @ApiProperty({ enum: DECISION_NUMBERINGS, enumName: 'DecisionNumbering' })
  decisionNumbering: DecisionNumbering;

  /** An enterprise (doanh nghiệp, row 03 of form 0603). */
  enterprise: boolean;
  /** First day it exists (R-ORG-1); null: since before the registry knows. */
  @ApiProperty({ type: String, format: 'date', nullable: true })
  validFrom: string | null;
  /** Last day it exists (R-ORG-1); null: it still exists. Dissolved "on" a day, its last day is the day before. */
  @ApiProperty({ type: String, format: 'date', nullable: true })
  validTo: string | null;
  /** The organization that took over when it ceased (merger, dissolution). */
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  successorId: string | null;
  createdAt: string;
  updatedAt: string;
}
