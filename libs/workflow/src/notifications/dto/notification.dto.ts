import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { PagedQuery, PageMetaDto, toBoolean } from '@arshjulet/core';
import { type Notification, type OutboxMessage, OutboxStatus } from '@arshjulet/notify';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEnum, IsOptional } from 'class-validator';

class NotificationFilterDto {
  @ApiPropertyOptional({ description: 'Only unread notifications' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'unread ska vara true eller false.' })
  unread?: boolean;
}

export class NotificationQueryDto extends IntersectionType(NotificationFilterDto, PagedQuery(20, 100)) {}

export class NotificationDto {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'task.reminder' }) kind: string;
  @ApiProperty() title: string;
  @ApiProperty() body: string;
  @ApiProperty({ nullable: true, type: String, description: 'App-relative link to the thing' }) link: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) readAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class NotificationPageDto extends PageMetaDto {
  @ApiProperty({ type: [NotificationDto] }) items: NotificationDto[];
  @ApiProperty({ description: 'Unread notifications of the user in all pages (for the bell)' }) unreadCount: number;
}

export class MarkedReadDto {
  @ApiProperty() marked: number;
  @ApiProperty() unreadCount: number;
}

export function mapNotification(notification: Notification): NotificationDto {
  return {
    id: notification.id,
    kind: notification.kind,
    title: notification.title,
    body: notification.body,
    link: notification.link,
    readAt: notification.readAt?.toISOString() ?? null,
    createdAt: notification.createdAt.toISOString(),
  };
}

class OutboxFilterDto {
  @ApiPropertyOptional({ enum: OutboxStatus })
  @IsOptional()
  @IsEnum(OutboxStatus, { message: `status ska vara en av ${Object.values(OutboxStatus).join(', ')}.` })
  status?: OutboxStatus;
}

export class OutboxQueryDto extends IntersectionType(OutboxFilterDto, PagedQuery(50, 500)) {}

/** An outbox message as administrators see it: never its secret, and the stored text keeps its placeholders. */
export class OutboxMessageDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['email', 'in_app'] }) channel: string;
  @ApiProperty() kind: string;
  @ApiProperty() recipient: string;
  @ApiProperty() subject: string;
  @ApiProperty({ enum: OutboxStatus }) status: OutboxStatus;
  @ApiProperty() attempts: number;
  @ApiProperty({ nullable: true, type: String }) lastError: string | null;
  @ApiProperty({ format: 'date-time' }) nextAttemptAt: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) sentAt: string | null;
}

export class OutboxPageDto extends PageMetaDto {
  @ApiProperty({ type: [OutboxMessageDto] }) items: OutboxMessageDto[];
}

export function mapOutboxMessage(message: OutboxMessage): OutboxMessageDto {
  return {
    id: message.id,
    channel: message.channel,
    kind: message.kind,
    recipient: message.recipient,
    subject: message.subject,
    status: message.status,
    attempts: message.attempts,
    lastError: message.lastError,
    nextAttemptAt: message.nextAttemptAt.toISOString(),
    createdAt: message.createdAt.toISOString(),
    sentAt: message.sentAt?.toISOString() ?? null,
  };
}
