import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOmittable } from '@arshjulet/core';
import { Transform } from 'class-transformer';
import { Allow, IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min, ValidateIf } from 'class-validator';
import type { TemplateDefinition } from '../../definition/template-definition.js';

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

export class CreateTemplateDto {
  @ApiProperty({ example: 'VVG:s mall för delregional analys 2027' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'Ange mallens namn.' })
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string | null;

  @ApiPropertyOptional({ description: 'The definition ({ sections: [...] }); default one section with one field. Checked as a whole: 422 lists every problem.' })
  @Allow()
  definition?: unknown;
}

export class UpdateTemplateDraftDto {
  @ApiPropertyOptional({ description: 'The rowVersion you read, unless sent as If-Match; a stale one answers 409 with the current draft.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  rowVersion?: number;

  @ApiPropertyOptional()
  @IsOmittable()
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'Ange mallens namn.' })
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(5000)
  description?: string | null;

  @ApiPropertyOptional({ description: 'The whole new definition; checked as a whole (422 lists every problem with its path).' })
  @Allow()
  definition?: unknown;
}

export class PublishTemplateDto {
  @ApiPropertyOptional({ description: 'The rowVersion you read (or If-Match); publishing a draft someone changed since answers 409.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  rowVersion?: number;
}

export class TemplateVersionResponseDto {
  @ApiProperty() id: string;
  @ApiProperty() templateId: string;
  @ApiProperty({ nullable: true, type: String }) templateCode: string | null;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ description: 'Version number within the template: 1, 2, 3 …' }) version: number;
  @ApiProperty({ enum: ['draft', 'published'] }) status: 'draft' | 'published';
  @ApiProperty({ type: Object, description: '{ sections: [{ key, title, intro?, fields: [{ key, type, label, help?, required?, … }] }] }' })
  definition: TemplateDefinition;
  @ApiProperty({ nullable: true, type: String }) publishedAt: string | null;
  @ApiProperty({ description: 'Optimistic-lock version of the draft; also the ETag' }) rowVersion: number;
  @ApiProperty({ nullable: true, type: String }) copiedFromId: string | null;
  @ApiProperty({ nullable: true, type: String }) createdById: string | null;
  @ApiProperty({ nullable: true, type: String }) publishedById: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class TemplateVersionSummaryDto {
  @ApiProperty() id: string;
  @ApiProperty() version: number;
  @ApiProperty({ enum: ['draft', 'published'] }) status: 'draft' | 'published';
  @ApiProperty({ nullable: true, type: String }) publishedAt: string | null;
}

export class TemplateSummaryDto {
  @ApiProperty() id: string;
  @ApiProperty({ nullable: true, type: String }) code: string | null;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ type: [TemplateVersionSummaryDto], description: 'Newest first' }) versions: TemplateVersionSummaryDto[];
}
