import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, RequestContext } from '@arshjulet/core';
import { Authenticated } from '../access/authenticated.decorator.js';
import { Permission } from '../access/permission.js';
import {
  AddRoleDto, CreateUserDto, mapPasswordLink, mapUser, PasswordLinkResponseDto, UpdateUserDto, UserPageDto, UserQueryDto, UserResponseDto,
  VersionDto, VersionQueryDto,
} from './dto/user.dto.js';
import { UserAdminService } from './user-admin.service.js';
import { UserService } from './user.service.js';

@ApiTags('users')
@Controller('api/v1/users')
export class UsersController {
  constructor(
    private readonly users: UserService,
    private readonly admin: UserAdminService,
  ) {}

  @Get()
  @Authenticated(Permission.UserRead)
  @ApiOperation({ summary: 'Users, filtered and paged' })
  @ApiOkResponse({ type: UserPageDto })
  async list(@Ctx() ctx: RequestContext, @Query() query: UserQueryDto): Promise<UserPageDto> {
    const { items, total } = await this.users.list(ctx, { ...query, orgUnitCode: query.orgUnit });
    return { items: items.map((user) => mapUser(user)), total, page: query.page, pageSize: query.pageSize };
  }

  @Get(':id')
  @Authenticated(Permission.UserRead)
  @ApiOperation({ summary: 'One user with their role assignments' })
  @ApiOkResponse({ type: UserResponseDto })
  async get(@Ctx() ctx: RequestContext, @Param('id') id: string): Promise<UserResponseDto> {
    return mapUser(await this.users.get(ctx, id));
  }

  @Post()
  @Authenticated(Permission.UserManage)
  @ApiOperation({ summary: 'Create a user and queue their invitation link (see GET /users/{id}/password-links)' })
  @ApiCreatedResponse({ type: UserResponseDto })
  async create(@Ctx() ctx: RequestContext, @Body() body: CreateUserDto): Promise<UserResponseDto> {
    const assignments = body.assignments.map((a) => ({ role: a.role, orgUnitCode: a.orgUnit ?? null }));
    return mapUser((await this.admin.invite(ctx, { email: body.email, name: body.name, assignments })).user);
  }

  @Patch(':id')
  @Authenticated(Permission.UserManage)
  @ApiOperation({ summary: 'Change name or e-mail' })
  @ApiOkResponse({ type: UserResponseDto })
  @ApiConflictResponse({ description: 'Stale version; `current` holds the user as it is now' })
  async update(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() body: UpdateUserDto): Promise<UserResponseDto> {
    return mapUser(await this.admin.update(ctx, id, body.version, { name: body.name, email: body.email }));
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @Authenticated(Permission.UserManage)
  @ApiOperation({ summary: 'Deactivate: ends their sessions and revokes their API tokens at once' })
  @ApiOkResponse({ type: UserResponseDto })
  async deactivate(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() body: VersionDto): Promise<UserResponseDto> {
    return mapUser(await this.admin.deactivate(ctx, id, body.version));
  }

  @Post(':id/activate')
  @HttpCode(200)
  @Authenticated(Permission.UserManage)
  @ApiOperation({ summary: 'Activate a deactivated user again' })
  @ApiOkResponse({ type: UserResponseDto })
  async activate(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() body: VersionDto): Promise<UserResponseDto> {
    return mapUser(await this.admin.activate(ctx, id, body.version));
  }

  @Post(':id/assignments')
  @Authenticated(Permission.UserManage)
  @ApiOperation({ summary: 'Assign a role (delregion_coordinator needs orgUnit, a delregion code)' })
  @ApiCreatedResponse({ type: UserResponseDto })
  async assignRole(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() body: AddRoleDto): Promise<UserResponseDto> {
    return mapUser(await this.admin.assignRole(ctx, id, body.version, { role: body.role, orgUnitCode: body.orgUnit ?? null }));
  }

  @Delete(':id/assignments/:assignmentId')
  @Authenticated(Permission.UserManage)
  @ApiOperation({ summary: 'Remove a role assignment; ?version= is the version you read' })
  @ApiOkResponse({ type: UserResponseDto })
  async removeRole(
    @Ctx() ctx: RequestContext,
    @Param('id') id: string,
    @Param('assignmentId') assignmentId: string,
    @Query() query: VersionQueryDto,
  ): Promise<UserResponseDto> {
    return mapUser(await this.admin.removeRole(ctx, id, query.version, assignmentId));
  }

  @Post(':id/password-links')
  @Authenticated(Permission.UserManage)
  @ApiOperation({ summary: 'Queue a new one-time password link (invitation, or reset if a password is set)' })
  @ApiCreatedResponse({ type: PasswordLinkResponseDto })
  async sendPasswordLink(@Ctx() ctx: RequestContext, @Param('id') id: string): Promise<PasswordLinkResponseDto> {
    return mapPasswordLink(await this.admin.sendPasswordLink(ctx, id));
  }

  @Get(':id/password-links')
  @Authenticated(Permission.UserManage)
  @ApiOperation({ summary: 'Open (unused, unexpired) password links, while no e-mail is sent' })
  @ApiOkResponse({ type: [PasswordLinkResponseDto] })
  async openPasswordLinks(@Ctx() ctx: RequestContext, @Param('id') id: string): Promise<PasswordLinkResponseDto[]> {
    return (await this.admin.openPasswordLinks(ctx, id)).map(mapPasswordLink);
  }
}
