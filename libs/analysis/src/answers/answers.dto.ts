import { ApiProperty } from '@nestjs/swagger';
import type { AnswersView } from './answers.service.js';

export class AnswersResponseDto {
  @ApiProperty() taskId: string;
  @ApiProperty() taskStatus: string;
  @ApiProperty({ type: Object, description: 'Field key → answer' }) answers: Record<string, unknown>;
  @ApiProperty({ description: 'Send it back as If-Match: "<version>" when saving (also the ETag); 0 before the first save' }) version: number;
  @ApiProperty({ nullable: true, type: String }) savedBy: string | null;
  @ApiProperty({ nullable: true, type: String }) savedAt: string | null;
  @ApiProperty({ description: 'Share (0..1) of the required fields answered' }) completeness: number;
  @ApiProperty({ nullable: true, type: String, description: 'The template version the task is pinned to' }) templateVersionId: string | null;
  @ApiProperty({ nullable: true, type: Object, description: 'The pinned template version’s definition (sections and fields)' }) definition: unknown;
  @ApiProperty({ type: Object, description: 'Per indicator_breakdown field: the delregion’s municipalities and hospital with the frozen figures' })
  prefill: Record<string, unknown>;
}

/** What a save answers with `Prefer: return=minimal` (the form's autosave): the new version and who saved it when. */
export class AnswersSavedDto {
  @ApiProperty() taskId: string;
  @ApiProperty() taskStatus: string;
  @ApiProperty({ description: 'Send it back as If-Match: "<version>" when saving next (also the ETag)' }) version: number;
  @ApiProperty({ nullable: true, type: String }) savedBy: string | null;
  @ApiProperty({ nullable: true, type: String }) savedAt: string | null;
  @ApiProperty({ description: 'Share (0..1) of the required fields answered' }) completeness: number;
}

export function mapSaved(view: AnswersView): AnswersSavedDto {
  return {
    taskId: view.taskId,
    taskStatus: view.taskStatus,
    version: view.version,
    savedBy: view.savedBy,
    savedAt: view.savedAt ? new Date(view.savedAt).toISOString() : null,
    completeness: view.completeness,
  };
}

export function mapAnswers(view: AnswersView): AnswersResponseDto {
  return {
    taskId: view.taskId,
    taskStatus: view.taskStatus,
    answers: view.answers,
    version: view.version,
    savedBy: view.savedBy,
    savedAt: view.savedAt ? new Date(view.savedAt).toISOString() : null,
    completeness: view.completeness,
    templateVersionId: view.templateVersionId,
    definition: view.definition,
    prefill: view.prefill,
  };
}
