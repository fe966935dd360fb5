import { Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Ctx, RequestContext } from '@arshjulet/core';
import { Authenticated, Permission } from '@arshjulet/org';
import type { AttachmentRow } from './attachment.repository.js';
import { ATTACHMENT_MAX_BYTES, AttachmentService } from './attachment.service.js';
import { receiveFile } from './receive-file.js';

export class AttachmentResponseDto {
  @ApiProperty() id: string;
  @ApiProperty() fileName: string;
  @ApiProperty({ description: 'Detected from the content' }) contentType: string;
  @ApiProperty() size: number;
  @ApiProperty({ nullable: true, type: String }) uploadedBy: string | null;
  @ApiProperty() uploadedAt: string;
}

const mapAttachment = (row: AttachmentRow): AttachmentResponseDto => ({
  id: row.id,
  fileName: row.fileName,
  contentType: row.contentType,
  size: row.size,
  uploadedBy: row.uploadedBy,
  uploadedAt: new Date(row.uploadedAt).toISOString(),
});

@ApiTags('analysis')
@Controller('api/v1/tasks/:id/attachments')
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentService) {}

  @Post()
  @Authenticated(Permission.AnalysisEdit)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOperation({ summary: 'Attach a PDF, DOCX or XLSX (multipart `file`, at most 20 MB; type checked by content) while the analysis is a draft' })
  @ApiOkResponse({ type: AttachmentResponseDto })
  async upload(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Req() request: Request): Promise<AttachmentResponseDto> {
    await this.attachments.requireUploadable(ctx, id);
    return mapAttachment(await this.attachments.upload(ctx, id, await receiveFile(request, ATTACHMENT_MAX_BYTES)));
  }

  @Get()
  @Authenticated(Permission.AnalysisRead)
  @ApiOperation({ summary: 'The analysis’s attachments (without their content)' })
  @ApiOkResponse({ type: [AttachmentResponseDto] })
  async list(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string): Promise<AttachmentResponseDto[]> {
    return (await this.attachments.list(ctx, id)).map(mapAttachment);
  }

  @Get(':aid')
  @Authenticated(Permission.AnalysisRead)
  @ApiOperation({ summary: 'Download an attachment (anyone who may see the task)' })
  async download(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('aid', ParseUUIDPipe) aid: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const file = await this.attachments.download(ctx, id, aid);
    // Express's attachment() encodes any name safely (an ASCII fallback plus RFC 5987 filename*).
    response.attachment(file.fileName);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    return new StreamableFile(file.content, { type: file.contentType, length: file.size });
  }

  @Delete(':aid')
  @HttpCode(204)
  @Authenticated(Permission.AnalysisEdit)
  @ApiOperation({ summary: 'Remove an attachment while the analysis is a draft' })
  async remove(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Param('aid', ParseUUIDPipe) aid: string): Promise<void> {
    await this.attachments.remove(ctx, id, aid);
  }
}
