import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { toInt } from '@arshjulet/core';
import { Transform } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ApiToken } from '../api-token.entity.js';
import { API_TOKEN_DEFAULT_DAYS, API_TOKEN_MAX_DAYS, IssuedToken } from '../api-token.service.js';

export class CreateApiTokenDto {
  @ApiProperty({ example: 'Uppladdning av indikatorvärden' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @IsNotEmpty({ message: 'Ge nyckeln ett namn.' })
  @MaxLength(120)
  name: string;

  @ApiPropertyOptional({ default: API_TOKEN_DEFAULT_DAYS, minimum: 1, maximum: API_TOKEN_MAX_DAYS })
  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'Giltighetstiden anges i hela dagar.' })
  @Min(1, { message: 'Giltighetstiden är minst 1 dag.' })
  @Max(API_TOKEN_MAX_DAYS, { message: `Giltighetstiden är högst ${API_TOKEN_MAX_DAYS} dagar.` })
  expiresInDays?: number;
}

export type ApiTokenStatus = 'active' | 'expired' | 'revoked';

export class ApiTokenResponseDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'The first characters, to tell tokens apart' }) prefix: string;
  @ApiProperty({ enum: ['active', 'expired', 'revoked'] }) status: ApiTokenStatus;
  @ApiProperty({ nullable: true, type: Date }) expiresAt: Date | null;
  @ApiProperty({ nullable: true, type: Date }) revokedAt: Date | null;
  @ApiProperty({ nullable: true, type: Date }) lastUsedAt: Date | null;
  @ApiProperty() createdAt: Date;
}

export class CreatedApiTokenResponseDto extends ApiTokenResponseDto {
  @ApiProperty({ description: 'The token itself. Shown this once; only its hash is kept.' }) token: string;
}

export function tokenStatus(token: ApiToken, now = Date.now()): ApiTokenStatus {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && token.expiresAt.getTime() <= now) return 'expired';
  return 'active';
}

export function mapApiToken(token: ApiToken): ApiTokenResponseDto {
  return {
    id: token.id,
    name: token.name,
    prefix: token.prefix,
    status: tokenStatus(token),
    expiresAt: token.expiresAt,
    revokedAt: token.revokedAt,
    lastUsedAt: token.lastUsedAt,
    createdAt: token.createdAt,
  };
}

export function mapIssuedToken(issued: IssuedToken): CreatedApiTokenResponseDto {
  return { ...mapApiToken(issued.record), token: issued.token };
}
