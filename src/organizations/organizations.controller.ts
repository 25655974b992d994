import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public, Roles } from '../auth/decorators.js';
import { ApiIdParam, ApiProblems } from '../common/http/api-responses.js';
import { UuidPipe } from '../common/http/uuid.pipe.js';
import { PageOf, type Page } from '../common/pagination/pagination.js';
import {
  CreateOrganizationDto,
  DissolveOrganizationDto,
  ListOrganizationsQueryDto,
  OrganizationDto,
  UpdateOrganizationDto,
} from './dto/organization.dto.js';
import { OrganizationsService } from './organizations.service.js';

@ApiTags('organizations')
@Controller('organizations')
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  @Post()
  @Roles()
  @ApiOperation({ summary: 'Create an organization (cơ quan, đơn vị)' })
  @ApiCreatedResponse({ type: OrganizationDto })
  @ApiProblems('400', '409', '422')
  create(@Body() dto: CreateOrganizationDto): Promise<OrganizationDto> {
    return this.organizations.create(dto);
  }

  @Get()
  @Public()
  @ApiOperation({ summary: 'List organizations: children of a parent, a whole subtree, or a name search' })
  @ApiOkResponse({ type: PageOf(OrganizationDto) })
  @ApiProblems('400')
  list(@Query() query: ListOrganizationsQueryDto): Promise<Page<OrganizationDto>> {
    return this.organizations.list(query);
  }

  @Get(':id')
  @Public()
  @ApiIdParam()
  @ApiOperation({ summary: 'Get one organization' })
  @ApiOkResponse({ type: OrganizationDto })
  @ApiProblems('400', '404')
  get(@Param('id', UuidPipe) id: string): Promise<OrganizationDto> {
    return this.organizations.get(id);
  }

  @Patch(':id')
  @Roles()
  @ApiIdParam()
  @ApiOperation({ summary: 'Update an organization; a new parentId moves its whole subtree' })
  @ApiOkResponse({ type: OrganizationDto })
  @ApiProblems('400', '404', '409', '422')
  update(@Param('id', UuidPipe) id: string, @Body() dto: UpdateOrganizationDto): Promise<OrganizationDto> {
    return this.organizations.update(id, dto);
  }

  @Post(':id/dissolve')
  @HttpCode(HttpStatus.OK)
  @Roles()
  @ApiIdParam()
  @ApiOperation({
    summary: 'Dissolve or merge an organization: it ceases on `on` (validTo = the day before), successorId takes over',
    description:
      'R-ORG-1 (Circular 15/2025/TT-BNV; Law 2022 Art 79–80). From `on` the organization issues no decision or ' +
      'revocation, receives no collective award, submits no nomination and takes in nobody; its history keeps its ' +
      'name. Nothing is moved: move its people and children first. Refused while a child still exists on `on` or a ' +
      'decision or revocation it issued is dated from `on` (422 R-ORG-1), twice (409 ORGANIZATION_DISSOLVED), and ' +
      'for a successor that is itself, lies below it or does not exist on `on` (422 R-ORG-1).',
  })
  @ApiOkResponse({ type: OrganizationDto })
  @ApiProblems('400', '404', '409', '422')
  dissolve(@Param('id', UuidPipe) id: string, @Body() dto: DissolveOrganizationDto): Promise<OrganizationDto> {
    return this.organizations.dissolve(id, dto);
  }
}
