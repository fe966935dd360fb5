import { Body, Controller, Get, HttpCode, Param, Post, Query, Redirect, Render, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Ctx, RequestContext } from '@arshjulet/core';
import type { Request } from 'express';
import { Authenticated } from '../access/authenticated.decorator.js';
import { Permission } from '../access/permission.js';
import { WebSessionService } from '../auth/web-session.service.js';
import { OrgUnitService } from '../org-units/org-unit.service.js';
import { FormPage } from '../pages/form-page.filter.js';
import { AddRoleFormDto, InviteUserFormDto, UserVersionFormDto } from './dto/user-forms.dto.js';
import { UserAdminService } from './user-admin.service.js';
import { UserService } from './user.service.js';
import { INVITE_FORM, USER_ACTION_FORM } from './users-form-pages.js';
import { inviteFormView, invitedView, userListView, userPageView, USERS_PATH } from './users-pages.mapper.js';

const PAGE_SIZE = 50;
const pageNumber = (text?: string) => (text && /^\d{1,6}$/.test(text) && Number(text) > 0 ? Number(text) : 1);
const scope = (delregion?: string) => (delregion ? delregion : null);

/**
 * "Användare": administrators invite users and give or take their roles on plain HTML forms, with the same
 * services as the API and the CLI; county coordinators may read the list.
 */
@ApiExcludeController()
@Controller('administration/anvandare')
export class UsersPagesController {
  constructor(
    private readonly users: UserService,
    private readonly admin: UserAdminService,
    private readonly orgUnits: OrgUnitService,
    private readonly sessions: WebSessionService,
  ) {}

  @Get()
  @Authenticated(Permission.UserRead)
  @Render('users/index')
  async list(@Ctx() ctx: RequestContext, @Req() request: Request, @Query('sida') page?: string) {
    const { items, total } = await this.users.list(ctx, { page: pageNumber(page), pageSize: PAGE_SIZE });
    return { title: 'Användare', ...userListView(items, total, pageNumber(page), PAGE_SIZE), notice: this.sessions.takeFlash(request)?.notice ?? null };
  }

  @Get('ny')
  @Authenticated(Permission.UserManage)
  @Render('users/new')
  async inviteForm(@Ctx() ctx: RequestContext) {
    return inviteFormView(await this.orgUnits.delregions(ctx));
  }

  /** Answers with the one-time link itself, once: it is never stored where it could be shown again. */
  @Post('ny')
  @HttpCode(200)
  @Authenticated(Permission.UserManage)
  @FormPage(INVITE_FORM)
  @Render('users/invited')
  async invite(@Ctx() ctx: RequestContext, @Body() form: InviteUserFormDto) {
    const { user, invitation } = await this.admin.invite(ctx, {
      name: form.name,
      email: form.email,
      assignments: [{ role: form.role, orgUnitCode: scope(form.delregion) }],
    });
    return invitedView(user, invitation);
  }

  @Get(':id')
  @Authenticated(Permission.UserManage)
  @Render('users/show')
  async show(@Ctx() ctx: RequestContext, @Req() request: Request, @Param('id') id: string) {
    const [user, delregions] = await Promise.all([this.users.get(ctx, id), this.orgUnits.delregions(ctx)]);
    return userPageView(user, delregions, this.sessions.takeFlash(request));
  }

  @Post(':id/roller')
  @Authenticated(Permission.UserManage)
  @FormPage(USER_ACTION_FORM)
  @Redirect(USERS_PATH, 303)
  async addRole(@Ctx() ctx: RequestContext, @Req() request: Request, @Param('id') id: string, @Body() form: AddRoleFormDto) {
    const user = await this.admin.assignRole(ctx, id, form.version, { role: form.role, orgUnitCode: scope(form.delregion) });
    await this.sessions.setFlash(request, { notice: `${user.name} har fått rollen.` });
    return { url: `${USERS_PATH}/${id}` };
  }

  @Post(':id/roller/:assignmentId/ta-bort')
  @Authenticated(Permission.UserManage)
  @FormPage(USER_ACTION_FORM)
  @Redirect(USERS_PATH, 303)
  async removeRole(
    @Ctx() ctx: RequestContext,
    @Req() request: Request,
    @Param('id') id: string,
    @Param('assignmentId') assignmentId: string,
    @Body() form: UserVersionFormDto,
  ) {
    const user = await this.admin.removeRole(ctx, id, form.version, assignmentId);
    await this.sessions.setFlash(request, { notice: `Rollen är borttagen från ${user.name}.` });
    return { url: `${USERS_PATH}/${id}` };
  }

  @Post(':id/inaktivera')
  @Authenticated(Permission.UserManage)
  @FormPage(USER_ACTION_FORM)
  @Redirect(USERS_PATH, 303)
  async deactivate(@Ctx() ctx: RequestContext, @Req() request: Request, @Param('id') id: string, @Body() form: UserVersionFormDto) {
    const user = await this.admin.deactivate(ctx, id, form.version);
    await this.sessions.setFlash(request, { notice: `${user.name} är inaktiverad: utloggad överallt, och API-nycklarna slutade fungera.` });
    return { url: `${USERS_PATH}/${id}` };
  }

  @Post(':id/aktivera')
  @Authenticated(Permission.UserManage)
  @FormPage(USER_ACTION_FORM)
  @Redirect(USERS_PATH, 303)
  async activate(@Ctx() ctx: RequestContext, @Req() request: Request, @Param('id') id: string, @Body() form: UserVersionFormDto) {
    const user = await this.admin.activate(ctx, id, form.version);
    await this.sessions.setFlash(request, { notice: `${user.name} är aktiv igen och kan logga in.` });
    return { url: `${USERS_PATH}/${id}` };
  }
}
