import { Body, Controller, Get, Headers, Param, ParseUUIDPipe, Patch, Res } from '@nestjs/common';
import { ApiBody, ApiConflictResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { Ctx, RequestContext, ValidationException } from '@arshjulet/core';
import { Authenticated, Permission } from '@arshjulet/org';
import { AnswersResponseDto, type AnswersSavedDto, mapAnswers, mapSaved } from './answers.dto.js';
import { AnswersService } from './answers.service.js';
import { etagOf, versionFromIfMatch } from './if-match.js';

@ApiTags('analysis')
@Controller('api/v1/tasks/:id/answers')
export class AnswersController {
  constructor(private readonly answers: AnswersService) {}

  @Get()
  @Authenticated(Permission.AnalysisRead)
  @ApiOperation({ summary: 'The task’s draft answers, the template definition and the breakdown prefill; ETag is the version' })
  @ApiOkResponse({ type: AnswersResponseDto })
  async get(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Res({ passthrough: true }) response: Response): Promise<AnswersResponseDto> {
    const view = mapAnswers(await this.answers.get(ctx, id));
    response.setHeader('ETag', etagOf(view.version));
    return view;
  }

  @Patch()
  @Authenticated(Permission.AnalysisEdit)
  @ApiOperation({ summary: 'Save some fields (null clears one) into the draft; If-Match required (428 without, 409 when stale)' })
  @ApiHeader({ name: 'If-Match', required: true, description: 'The version you read, e.g. "3"' })
  @ApiBody({
    description: 'Field keys of the task’s template with their answers; null clears a field, keys left out stay as they are',
    schema: {
      type: 'object',
      additionalProperties: true,
      example: {
        successes: 'Skörhetsskalan CFS har införts.',
        agreement_followed: false,
        deviations_most_frequent: [{ deviation_type: 'In- och utskrivningsprocessen', count: 69, system_flaw: true }],
        theme_tags: ['sip'],
      },
    },
  })
  @ApiHeader({
    name: 'Prefer',
    required: false,
    description: '`return=minimal` (RFC 7240; the form’s autosave): the answer holds only taskId, taskStatus, version, savedBy, savedAt and completeness, not the answers, definition and figures',
  })
  @ApiOkResponse({ type: AnswersResponseDto, description: 'The answers as GET shows them (with `Prefer: return=minimal`: only the version and who saved it when)' })
  @ApiConflictResponse({ description: 'Stale version: `current` holds the answers, version and who saved them when' })
  @ApiUnprocessableEntityResponse({ description: 'Wrong types or bounds, unknown keys: every problem with its path; nothing saved' })
  async save(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Headers('prefer') prefer: string | undefined,
    @Body() body: unknown,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AnswersResponseDto | AnswersSavedDto> {
    const version = versionFromIfMatch(ifMatch);
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new ValidationException([{ path: '', message: 'Skicka ett objekt med fältnycklar och svar.' }]);
    }
    // RFC 7240: a client that needs only the new version (the autosave) is spared the whole view (~100 kB with figures).
    const minimal = /(^|[\s,;])return=minimal\s*($|[,;])/i.test(prefer ?? '');
    const saved = await this.answers.save(ctx, id, version, body as Record<string, unknown>, { prefill: !minimal });
    response.setHeader('ETag', etagOf(saved.version));
    response.setHeader('Vary', 'Prefer');
    if (!minimal) return mapAnswers(saved);
    response.setHeader('Preference-Applied', 'return=minimal');
    return mapSaved(saved);
  }
}
