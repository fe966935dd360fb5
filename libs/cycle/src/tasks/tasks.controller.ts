import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, RequestContext } from '@arshjulet/core';
import { Authenticated, Permission } from '@arshjulet/org';
import { mapTask, TaskPageDto, TaskQueryDto, TaskResponseDto, TaskTransitionDto, UpdateTaskDto } from './dto/task.dto.js';
import { TaskService } from './task.service.js';



@ApiTags('tasks')
@Controller('api/v1/tasks')
export class TasksController {
  constructor(private readonly tasks: TaskService) {}

  @Get()
  @Authenticated(Permission.AnalysisRead)
  @ApiOperation({ summary: 'Analysis tasks (a delregion coordinator sees only their own), paged' })
  @ApiOkResponse({ type: TaskPageDto })
  async list(@Ctx() ctx: RequestContext, @Query() query: TaskQueryDto): Promise<TaskPageDto> {
    const [items, total] = await this.tasks.list(ctx, { cycleId: query.cycle, delregionCode: query.delregion, status: query.status, page: query.page, pageSize: query.pageSize });
    return { items: items.map(mapTask), total, page: query.page, pageSize: query.pageSize };
  }

  @Get(':id')
  @Authenticated(Permission.AnalysisRead)
  @ApiOperation({ summary: 'One task; another delregion’s answers 404' })
  @ApiOkResponse({ type: TaskResponseDto })
  async get(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string): Promise<TaskResponseDto> {
    return mapTask(await this.tasks.get(ctx, id));
  }

  @Post(':id/transitions')
  @HttpCode(200)
  @Authenticated(Permission.AnalysisRead)
  @ApiOperation({ summary: 'start, submit, resume (own delregion); accept, return with a comment (county)' })
  @ApiOkResponse({ type: TaskResponseDto })
  @ApiConflictResponse({ description: 'Illegal in the current state: currentState and allowedActions' })
  async transition(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() body: TaskTransitionDto): Promise<TaskResponseDto> {
    return mapTask(await this.tasks.transition(ctx, id, body.action, { reason: body.reason ?? null }, body.version));
  }

  @Patch(':id')
  @Authenticated(Permission.CycleManage)
  @ApiOperation({ summary: 'Move the due date, with a reason (county coordinator)' })
  @ApiOkResponse({ type: TaskResponseDto })
  @ApiConflictResponse({ description: 'Stale version; `current` holds the task as it is now' })
  async update(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateTaskDto): Promise<TaskResponseDto> {
    return mapTask(await this.tasks.extendDueDate(ctx, id, body.version, body.dueDate, body.reason));
  }
}
