import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../auth/decorators.js';
import type { Principal } from '../auth/principal.js';
import { ApiIdParam, ApiProblems } from '../common/http/api-responses.js';
import { UuidPipe } from '../common/http/uuid.pipe.js';
import { PageOf, type Page } from '../common/pagination/pagination.js';
import { CreateHouseholdDto, HouseholdDto, ListHouseholdsQueryDto } from './dto/household.dto.js';
import { HouseholdsService } from './households.service.js';

/**
 * Households (hộ gia đình), recipients of Giấy khen and Bằng khen (Law 2022 Art 74–75): nominated with `householdId`
 * (R-KIND-1 refuses other codes). Written by HR officers of the commune's subtree; read within the scope.
 */
@ApiTags('households')
@Controller('households')
export class HouseholdsController {
  constructor(private readonly households: HouseholdsService) {}

  @Post()
  @Roles('HR_OFFICER')
  @ApiOperation({
    summary: 'Register a household (hộ gia đình) of a commune',
    description:
      'The organization must be a commune (kind COMMUNE, else 400) in the caller’s scope; an unknown one is a 422 `INVALID_REFERENCE`.',
  })
  @ApiCreatedResponse({ type: HouseholdDto })
  @ApiProblems('400', '422')
  create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateHouseholdDto): Promise<HouseholdDto> {
    return this.households.create(principal, dto);
  }

  @Get()
  @Roles('HR_OFFICER', 'APPROVER', 'AUDITOR')
  @ApiOperation({ summary: 'List households, by the head’s name', description: 'Within the caller’s scope.' })
  @ApiOkResponse({ type: PageOf(HouseholdDto) })
  @ApiProblems('400')
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListHouseholdsQueryDto): Promise<Page<HouseholdDto>> {
    return this.households.list(principal, query);
  }

  @Get(':id')
  @Roles('HR_OFFICER', 'APPROVER', 'AUDITOR')
  @ApiIdParam()
  @ApiOperation({ summary: 'Get one household' })
  @ApiOkResponse({ type: HouseholdDto })
  @ApiProblems('400', '404')
  get(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string): Promise<HouseholdDto> {
    return this.households.get(principal, id);
  }
}
