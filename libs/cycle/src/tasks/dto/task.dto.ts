import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PagedQuery, PageMetaDto } from '@arshjulet/core';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength, Min } from 'class-validator';
import type { TaskView } from '../task.service.js';
import { TASK_ACTIONS, TASK_STATUSES, type TaskAction, type TaskStatus } from '../task-state.machine.js';

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

export class TaskQueryDto extends PagedQuery(50, 200) {
  @ApiPropertyOptional({ description: 'Cycle id' })
  @IsOptional()
  @IsUUID('all', { message: 'cycle ska vara ett id.' })
  cycle?: string;

  @ApiPropertyOptional({ example: 'DR-SKB', description: 'Delregion code' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  delregion?: string;

  @ApiPropertyOptional({ enum: TASK_STATUSES })
  @IsOptional()
  @IsIn(TASK_STATUSES, { message: `status måste vara en av: ${TASK_STATUSES.join(', ')}` })
  status?: TaskStatus;
}

export class TaskTransitionDto {
  @ApiProperty({ enum: TASK_ACTIONS })
  @IsIn(TASK_ACTIONS, { message: `action måste vara en av: ${TASK_ACTIONS.join(', ')}` })
  action: TaskAction;

  @ApiPropertyOptional({ description: 'Required for return (the comment to the delregion)' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  reason?: string;

  @ApiPropertyOptional({ description: 'The version you read; a stale one answers 409' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class UpdateTaskDto {
  @ApiProperty({ description: 'The version you read; a stale one answers 409 with the current task.' })
  @IsInt()
  @Min(1)
  version: number;

  @ApiProperty({ example: '2026-10-15' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'Ange ett datum som ÅÅÅÅ-MM-DD.' })
  dueDate: string;

  @ApiProperty({ example: 'Delregionens nämnd sammanträder först 10 oktober.' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'Ange ett skäl.' })
  @MaxLength(2000)
  reason: string;
}

export class TaskResponseDto {
  @ApiProperty() id: string;
  @ApiProperty() cycleId: string;
  @ApiProperty() cycleYear: number;
  @ApiProperty({ example: 'DR-SKB', description: 'The delregion org-unit code' }) delregion: string;
  @ApiProperty() delregionName: string;
  @ApiProperty({ enum: TASK_STATUSES }) status: TaskStatus;
  @ApiProperty() dueDate: string;
  @ApiProperty({ description: 'Open and past its due date (Europe/Stockholm); derived, never stored' }) overdue: boolean;
  @ApiProperty({ nullable: true, type: Number, description: 'Negative when overdue; null once submitted' }) daysLeft: number | null;
  @ApiProperty({ nullable: true, type: String }) dueDateReason: string | null;
  @ApiProperty({ nullable: true, type: String }) returnComment: string | null;
  @ApiProperty({ nullable: true, type: String }) templateVersion: string | null;
  @ApiProperty() lastActivityAt: string;
  @ApiProperty() remindersSent: number;
  @ApiProperty({ enum: TASK_ACTIONS, isArray: true, description: 'What you may do now' }) allowedActions: TaskAction[];
  @ApiProperty({ description: 'Share (0..1) of the required fields answered in the draft' }) completeness: number;
  @ApiProperty() version: number;
}

export class TaskPageDto extends PageMetaDto {
  @ApiProperty({ type: [TaskResponseDto] }) items: TaskResponseDto[];
}

export function mapTask(task: TaskView): TaskResponseDto {
  return {
    id: task.id,
    cycleId: task.cycleId,
    cycleYear: task.cycleYear,
    delregion: task.delregionCode,
    delregionName: task.delregionName,
    status: task.status,
    dueDate: task.dueDate,
    overdue: task.overdue,
    daysLeft: task.daysLeft,
    dueDateReason: task.dueDateReason,
    returnComment: task.returnComment,
    templateVersion: task.templateVersion,
    lastActivityAt: new Date(task.lastActivityAt).toISOString(),
    remindersSent: task.remindersSent,
    allowedActions: task.allowedActions,
    completeness: task.completeness,
    version: task.version,
  };
}
