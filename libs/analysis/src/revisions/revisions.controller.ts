import { Controller, Get, Param, ParseIntPipe, ParseUUIDPipe } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Ctx, RequestContext } from '@arshjulet/core';
import { Authenticated, Permission } from '@arshjulet/org';
import type { FieldDiff } from './revision-diff.js';
import type { RevisionRow } from './revision.repository.js';
import { RevisionService } from './revision.service.js';

export class RevisionResponseDto {
  @ApiProperty() number: number;
  @ApiProperty({ nullable: true, type: String }) templateVersionId: string | null;
  @ApiProperty({ nullable: true, type: String }) submittedBy: string | null;
  @ApiProperty() submittedAt: string;
  @ApiProperty({ type: Object, required: false }) answers?: Record<string, unknown>;
}

export class RevisionDiffDto {
  @ApiProperty() from: number;
  @ApiProperty() to: number;
  @ApiProperty({ type: [Object], description: 'Only the fields that differ, in template order: change added/removed/changed, with each value changed (texts as word and line diffs)' })
  fields: FieldDiff[];
}

const mapRevision = (row: RevisionRow, withAnswers: boolean): RevisionResponseDto => ({
  number: row.number,
  templateVersionId: row.templateVersionId,
  submittedBy: row.submittedBy,
  submittedAt: new Date(row.submittedAt).toISOString(),
  ...(withAnswers ? { answers: row.answers } : {}),
});

@ApiTags('analysis')
@Controller('api/v1/tasks/:id/revisions')
export class RevisionsController {
  constructor(private readonly revisions: RevisionService) {}

  @Get()
  @Authenticated(Permission.AnalysisRead)
  @ApiOperation({ summary: 'Every submission of the analysis, oldest first (without the answers)' })
  @ApiOkResponse({ type: [RevisionResponseDto] })
  async list(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string): Promise<RevisionResponseDto[]> {
    return (await this.revisions.list(ctx, id)).map((row) => mapRevision(row, false));
  }

  @Get(':a')
  @Authenticated(Permission.AnalysisRead)
  @ApiOperation({ summary: 'One submission with its answers, as submitted' })
  @ApiOkResponse({ type: RevisionResponseDto })
  async get(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Param('a', ParseIntPipe) a: number): Promise<RevisionResponseDto> {
    return mapRevision(await this.revisions.get(ctx, id, a), true);
  }

  @Get(':a/diff/:b')
  @Authenticated(Permission.AnalysisRead)
  @ApiOperation({ summary: 'What changed from submission a to b, field by field' })
  @ApiOkResponse({ type: RevisionDiffDto })
  async diff(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('a', ParseIntPipe) a: number,
    @Param('b', ParseIntPipe) b: number,
  ): Promise<RevisionDiffDto> {
    const { from, to, fields } = await this.revisions.diff(ctx, id, a, b);
    return { from: from.number, to: to.number, fields };
  }
}
