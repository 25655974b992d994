import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/pagination.js';
import { HumanName } from '../../common/validation/human-name.js';
import { normalizeText } from '../../individuals/dto/individual.dto.js';

/** A household (hộ gia đình): a recipient of Giấy khen and Bằng khen (Law 2022 Art 74–75), named by its head. */
export class CreateHouseholdDto {
  /** The head of the household (chủ hộ), as printed on the award: "Hộ ông Lò Văn Páo" is `Lò Văn Páo`. */
  @ApiProperty({ example: 'Lò Văn Páo' })
  @Transform(normalizeText)
  @HumanName()
  @IsString()
  @Length(1, 200)
  headName: string;

  /** Address (địa chỉ): village (bản, thôn) and commune. */
  @ApiProperty({ example: 'Bản Him Lam, xã Mường Phăng' })
  @Transform(normalizeText)
  @IsString()
  @Length(1, 500)
  address: string;

  /** The commune-level organization (kind COMMUNE) the household lives in; an HR officer must have it in scope. */
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  organizationId: string;
}

export class ListHouseholdsQueryDto extends PageQueryDto {
  /** Households of this organization and of every organization under it. */
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  organizationId?: string;
}

export class HouseholdDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  /** Head of the household (chủ hộ). */
  headName: string;
  /** Address (địa chỉ). */
  address: string;
  /** The commune it belongs to. */
  @ApiProperty({ format: 'uuid' })
  organizationId: string;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}
