import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Ctx, RequestContext } from '@arshjulet/core';
import { Authenticated, Permission } from '@arshjulet/org';
import { CreateFeedbackCommentDto, FeedbackAnswerDto, FeedbackCommentDto, FeedbackResponseDto, mapFeedback, mapFeedbackComment } from './feedback.dto.js';
import { FeedbackService } from './feedback.service.js';

@ApiTags('feedback')
@Controller('api/v1/cycles/:id/feedback')
export class FeedbackController {
  constructor(private readonly feedback: FeedbackService) {}

  @Get()
  @Authenticated(Permission.ReportRead)
  @ApiOperation({ summary: 'VVG’s comments on the county report, grouped by the sections of its current version, with the county’s answers' })
  @ApiOkResponse({ type: FeedbackResponseDto })
  async list(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string): Promise<FeedbackResponseDto> {
    return mapFeedback(await this.feedback.list(ctx, id));
  }

  @Post()
  @Authenticated(Permission.FeedbackWrite)
  @ApiOperation({ summary: 'Comment on a section of the report version in review (VVG)' })
  @ApiCreatedResponse({ type: FeedbackCommentDto })
  @ApiConflictResponse({ description: 'The report is not in review' })
  @ApiUnprocessableEntityResponse({ description: 'No such section in the version in review' })
  async comment(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() body: CreateFeedbackCommentDto): Promise<FeedbackCommentDto> {
    return mapFeedbackComment(await this.feedback.comment(ctx, id, body));
  }

  @Post(':commentId/answers')
  @Authenticated(Permission.ReportManage)
  @ApiOperation({ summary: 'Answer a reviewer’s comment (county coordinator)' })
  @ApiCreatedResponse({ type: FeedbackCommentDto })
  async answer(
    @Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Param('commentId', ParseUUIDPipe) commentId: string, @Body() body: FeedbackAnswerDto,
  ): Promise<FeedbackCommentDto> {
    return mapFeedbackComment(await this.feedback.answer(ctx, id, commentId, body));
  }
}
