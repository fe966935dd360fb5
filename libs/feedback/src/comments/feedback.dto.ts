import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import type { FeedbackCommentRow } from './feedback-comment.repository.js';
import type { FeedbackThread, FeedbackView } from './feedback.service.js';

export const COMMENT_BODY_MAX = 4000;
const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

export class CreateFeedbackCommentDto {
  @ApiProperty({ description: 'A section id of the report version in review (its table of contents), e.g. `slutsatser`' })
  @IsString()
  @MaxLength(120)
  sectionId: string;

  @ApiProperty({ description: 'Markdown', maxLength: COMMENT_BODY_MAX })
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'Skriv en kommentar.' })
  @MaxLength(COMMENT_BODY_MAX, { message: 'Kommentaren får vara högst 4 000 tecken.' })
  body: string;
}

export class FeedbackAnswerDto {
  @ApiProperty({ description: 'Markdown', maxLength: COMMENT_BODY_MAX })
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'Skriv ett svar.' })
  @MaxLength(COMMENT_BODY_MAX, { message: 'Svaret får vara högst 4 000 tecken.' })
  body: string;
}

export class FeedbackCommentDto {
  @ApiProperty() id: string;
  @ApiProperty() sectionId: string;
  @ApiProperty({ description: 'Markdown source' }) body: string;
  @ApiProperty({ nullable: true, type: String }) author: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The comment this answers' }) parentId: string | null;
  @ApiProperty({ description: 'The report version it was written on' }) reportVersion: number;
  @ApiProperty() createdAt: string;
}

export class FeedbackThreadDto extends FeedbackCommentDto {
  @ApiProperty({ type: [FeedbackCommentDto] }) answers: FeedbackCommentDto[];
}

export class FeedbackSectionDto {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty() level: number;
  @ApiProperty({ type: [FeedbackThreadDto] }) comments: FeedbackThreadDto[];
}

export class FeedbackVersionDto {
  @ApiProperty() id: string;
  @ApiProperty() number: number;
  @ApiProperty() state: string;
  @ApiProperty() stateLabel: string;
}

export class FeedbackResponseDto {
  @ApiProperty() cycleId: string;
  @ApiProperty({ nullable: true, type: FeedbackVersionDto }) version: FeedbackVersionDto | null;
  @ApiProperty({ description: 'Reviewers may comment now' }) open: boolean;
  @ApiProperty({ type: [FeedbackSectionDto], description: 'Every section of the current version, in reading order, with its threads' }) sections: FeedbackSectionDto[];
  @ApiProperty({ type: [FeedbackThreadDto], description: 'Threads on sections the current version no longer has' }) elsewhere: FeedbackThreadDto[];
}

export const mapFeedbackComment = (row: FeedbackCommentRow): FeedbackCommentDto => ({
  id: row.id,
  sectionId: row.sectionId,
  body: row.body,
  author: row.author,
  parentId: row.parentId,
  reportVersion: row.reportVersionNumber,
  createdAt: new Date(row.createdAt).toISOString(),
});

const mapThread = (thread: FeedbackThread): FeedbackThreadDto => ({ ...mapFeedbackComment(thread), answers: thread.answers.map(mapFeedbackComment) });

export const mapFeedback = (view: FeedbackView): FeedbackResponseDto => ({
  cycleId: view.cycleId,
  version: view.version,
  open: view.open,
  sections: view.sections.map((s) => ({ id: s.id, title: s.title, level: s.level, comments: s.comments.map(mapThread) })),
  elsewhere: view.elsewhere.map(mapThread),
});
