import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, RequestContext } from '@arshjulet/core';
import { Authenticated } from '../access/authenticated.decorator.js';
import { Permission } from '../access/permission.js';
import { ApiTokenService } from './api-token.service.js';
import { ApiTokenResponseDto, CreateApiTokenDto, CreatedApiTokenResponseDto, mapApiToken, mapIssuedToken } from './dto/api-token.dto.js';

/** The acting user's own API tokens. */
@ApiTags('me')
@Controller('api/v1/me/tokens')
export class MeTokensController {
  constructor(private readonly tokens: ApiTokenService) {}

  @Get()
  @Authenticated(Permission.AccountSelf)
  @ApiOperation({ summary: 'My API tokens (the tokens themselves are never shown again)' })
  @ApiOkResponse({ type: [ApiTokenResponseDto] })
  async list(@Ctx() ctx: RequestContext): Promise<ApiTokenResponseDto[]> {
    return (await this.tokens.listForSelf(ctx)).map(mapApiToken);
  }

  @Post()
  @Authenticated(Permission.AccountSelf)
  @ApiOperation({ summary: 'Create a token for myself; it is in the answer once. Needs a web session, not another token.' })
  @ApiCreatedResponse({ type: CreatedApiTokenResponseDto })
  async create(@Ctx() ctx: RequestContext, @Body() body: CreateApiTokenDto): Promise<CreatedApiTokenResponseDto> {
    return mapIssuedToken(await this.tokens.issueForSelf(ctx, body.name, body.expiresInDays));
  }

  @Delete(':id')
  @HttpCode(204)
  @Authenticated(Permission.AccountSelf)
  @ApiOperation({ summary: 'Revoke one of my tokens; it stops working at once' })
  @ApiNoContentResponse()
  async revoke(@Ctx() ctx: RequestContext, @Param('id') id: string): Promise<void> {
    await this.tokens.revokeForSelf(ctx, id);
  }
}
