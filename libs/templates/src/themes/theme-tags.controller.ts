import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, RequestContext } from '@arshjulet/core';
import { Authenticated, Permission } from '@arshjulet/org';
import { CreateThemeTagDto, ThemeTagQueryDto, ThemeTagResponseDto, UpdateThemeTagDto } from './dto/theme-tag.dto.js';
import { ThemeTagService } from './theme-tag.service.js';

@ApiTags('templates')
@Controller('api/v1/theme-tags')
export class ThemeTagsController {
  constructor(private readonly tags: ThemeTagService) {}

  @Get()
  @Authenticated(Permission.TemplateRead)
  @ApiOperation({ summary: 'The theme vocabulary analyses are tagged with (active ones unless includeInactive)' })
  @ApiOkResponse({ type: [ThemeTagResponseDto] })
  list(@Ctx() ctx: RequestContext, @Query() query: ThemeTagQueryDto): Promise<ThemeTagResponseDto[]> {
    return this.tags.list(ctx, query.includeInactive ?? false);
  }

  @Post()
  @Authenticated(Permission.TemplateManage)
  @ApiOperation({ summary: 'Add a theme to the vocabulary' })
  @ApiCreatedResponse({ type: ThemeTagResponseDto })
  @ApiConflictResponse({ description: 'The key is taken' })
  create(@Ctx() ctx: RequestContext, @Body() body: CreateThemeTagDto): Promise<ThemeTagResponseDto> {
    return this.tags.create(ctx, body);
  }

  @Patch(':key')
  @Authenticated(Permission.TemplateManage)
  @ApiOperation({ summary: 'Relabel or (de)activate a theme' })
  @ApiOkResponse({ type: ThemeTagResponseDto })
  @ApiConflictResponse({ description: 'Stale version; `current` holds the tag as it is now' })
  update(@Ctx() ctx: RequestContext, @Param('key') key: string, @Body() { version, ...input }: UpdateThemeTagDto): Promise<ThemeTagResponseDto> {
    return this.tags.update(ctx, key, version, input);
  }
}
