import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { Ctx, RequestContext } from '@arshjulet/core';
import { Authenticated, Permission } from '@arshjulet/org';
import type { CommentRow } from './comment.repository.js';
import { CommentService } from './comment.service.js';

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

export class CreateCommentDto {
  @ApiPropertyOptional({ description: 'A field or section key of the template; omit for the analysis as a whole (ignored on a reply)' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  target?: string;

  @ApiPropertyOptional({ description: 'The comment replied to' })
  @IsOptional()
  @IsUUID('all', { message: 'parentId ska vara ett id.' })
  parentId?: string;

  @ApiProperty()
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'Skriv en kommentar.' })
  @MaxLength(4000, { message: 'Kommentaren får vara högst 4 000 tecken.' })
  body: string;
}

export class CommentResponseDto {
  @ApiProperty() id: string;
  @ApiProperty({ nullable: true, type: String }) target: string | null;
  @ApiProperty({ nullable: true, type: String }) parentId: string | null;
  @ApiProperty() body: string;
  @ApiProperty({ nullable: true, type: String }) author: string | null;
  @ApiProperty({ nullable: true, type: String }) resolvedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) resolvedBy: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() version: number;
}

const iso = (date: Date | null): string | null => (date ? new Date(date).toISOString() : null);
const mapComment = (row: CommentRow): CommentResponseDto => ({
  id: row.id,
  target: row.target,
  parentId: row.parentId,
  body: row.body,
  author: row.author,
  resolvedAt: iso(row.resolvedAt),
  resolvedBy: row.resolvedBy,
  createdAt: new Date(row.createdAt).toISOString(),
  version: row.version,
});

@ApiTags('analysis')
@Controller('api/v1/tasks/:id/comments')
export class CommentsController {
  constructor(private readonly comments: CommentService) {}

  @Get()
  @Authenticated(Permission.AnalysisRead)
  @ApiOperation({ summary: 'Review comments on the analysis, oldest first (threads by parentId)' })
  @ApiOkResponse({ type: [CommentResponseDto] })
  async list(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string): Promise<CommentResponseDto[]> {
    return (await this.comments.list(ctx, id)).map(mapComment);
  }

  @Post()
  @Authenticated(Permission.AnalysisRead)
  @ApiOperation({ summary: 'Comment on a field or section (county), or reply in a thread (county, the delregion’s coordinators)' })
  @ApiOkResponse({ type: CommentResponseDto })
  async create(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() body: CreateCommentDto): Promise<CommentResponseDto> {
    return mapComment(await this.comments.create(ctx, id, body));
  }

  @Post(':cid/resolve')
  @HttpCode(200)
  @Authenticated(Permission.AnalysisReview)
  @ApiOperation({ summary: 'Mark a comment resolved (county)' })
  @ApiOkResponse({ type: CommentResponseDto })
  async resolve(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Param('cid', ParseUUIDPipe) cid: string): Promise<CommentResponseDto> {
    return mapComment(await this.comments.resolve(ctx, id, cid));
  }
}
