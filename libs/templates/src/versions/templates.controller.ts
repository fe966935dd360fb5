import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Patch, Post, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Ctx, RequestContext } from '@arshjulet/core';
import { Authenticated, Permission } from '@arshjulet/org';
import type { Response } from 'express';
import { CreateTemplateDto, PublishTemplateDto, TemplateSummaryDto, TemplateVersionResponseDto, UpdateTemplateDraftDto } from './dto/template.dto.js';
import { etagOf, versionFromIfMatch } from './if-match.util.js';
import type { TemplateVersionDetail } from './template-version.view.js';
import { TemplateService } from './template.service.js';

const withEtag = (response: Response, view: TemplateVersionDetail): TemplateVersionDetail => {
  response.setHeader('ETag', etagOf(view.rowVersion));
  return view;
};

@ApiTags('templates')
@Controller('api/v1/templates')
export class TemplatesController {
  constructor(private readonly templates: TemplateService) {}

  @Get()
  @Authenticated(Permission.TemplateRead)
  @ApiOperation({ summary: 'Templates with their versions, newest first' })
  @ApiOkResponse({ type: [TemplateSummaryDto] })
  list(@Ctx() ctx: RequestContext): Promise<TemplateSummaryDto[]> {
    return this.templates.list(ctx);
  }

  @Post()
  @Authenticated(Permission.TemplateManage)
  @ApiOperation({ summary: 'A new template, its version 1 as a draft' })
  @ApiCreatedResponse({ type: TemplateVersionResponseDto })
  @ApiUnprocessableEntityResponse({ description: 'The definition has problems; errors[] lists every one with its path' })
  async create(@Ctx() ctx: RequestContext, @Body() body: CreateTemplateDto, @Res({ passthrough: true }) response: Response): Promise<TemplateVersionResponseDto> {
    return withEtag(response, await this.templates.createDraft(ctx, body));
  }

  @Get('versions/:id')
  @Authenticated(Permission.TemplateRead)
  @ApiOperation({ summary: 'One version with its definition; ETag is its rowVersion' })
  @ApiOkResponse({ type: TemplateVersionResponseDto })
  async get(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Res({ passthrough: true }) response: Response): Promise<TemplateVersionResponseDto> {
    return withEtag(response, await this.templates.getVersion(ctx, id));
  }

  @Patch('versions/:id')
  @Authenticated(Permission.TemplateManage)
  @ApiOperation({ summary: 'Save a draft (If-Match or rowVersion); a published version is refused (409)' })
  @ApiOkResponse({ type: TemplateVersionResponseDto })
  @ApiConflictResponse({ description: 'Stale rowVersion (`current` holds the draft as it is now), or the version is published' })
  @ApiUnprocessableEntityResponse({ description: 'The definition has problems, or no version was sent' })
  async update(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() { rowVersion, ...input }: UpdateTemplateDraftDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TemplateVersionResponseDto> {
    return withEtag(response, await this.templates.updateDraft(ctx, id, versionFromIfMatch(ifMatch) ?? rowVersion, input));
  }

  @Post('versions/:id/publish')
  @HttpCode(200)
  @Authenticated(Permission.TemplateManage)
  @ApiOperation({ summary: 'Publish a draft after checking it as a whole; it never changes again' })
  @ApiOkResponse({ type: TemplateVersionResponseDto })
  @ApiUnprocessableEntityResponse({ description: 'errors[] lists every problem of the definition with its path' })
  async publish(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: PublishTemplateDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TemplateVersionResponseDto> {
    return withEtag(response, await this.templates.publish(ctx, id, versionFromIfMatch(ifMatch) ?? body.rowVersion));
  }

  @Post('versions/:id/copy')
  @Authenticated(Permission.TemplateManage)
  @ApiOperation({ summary: "Copy a version into the template's next draft (\"copy last year's\")" })
  @ApiCreatedResponse({ type: TemplateVersionResponseDto })
  @ApiConflictResponse({ description: 'The template already has a draft (draftId)' })
  async copy(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Res({ passthrough: true }) response: Response): Promise<TemplateVersionResponseDto> {
    return withEtag(response, await this.templates.copy(ctx, id));
  }
}
