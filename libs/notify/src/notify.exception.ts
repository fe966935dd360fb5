import { DomainException, ErrorKind } from '@arshjulet/core';

export enum NotifyErrorCode {
  NotificationNotFound = 'notify.notification_not_found',
  OutboxMessageNotFound = 'notify.outbox_message_not_found',
  NotRetryable = 'notify.not_retryable',
}

export class NotifyException extends DomainException {
  static notificationNotFound(): NotifyException {
    return new NotifyException(ErrorKind.NotFound, { code: NotifyErrorCode.NotificationNotFound, detail: 'Notisen finns inte.' });
  }

  static outboxMessageNotFound(): NotifyException {
    return new NotifyException(ErrorKind.NotFound, { code: NotifyErrorCode.OutboxMessageNotFound, detail: 'Meddelandet finns inte.' });
  }

  static notRetryable(status: string): NotifyException {
    return new NotifyException(ErrorKind.Conflict, {
      code: NotifyErrorCode.NotRetryable,
      detail: 'Bara meddelanden som inte har kunnat levereras kan skickas igen.',
      extensions: { status },
    });
  }
}
