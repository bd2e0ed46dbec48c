// One error vocabulary for every layer. The web layer maps `status` to an HTTP status and
// `code` to a stable, machine-readable identifier; messages are for people.

export abstract class MidadError extends Error {
  abstract readonly status: number;
  abstract readonly code: string;
  constructor(
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFound extends MidadError {
  readonly status = 404;
  readonly code = 'not_found';
}

/**
 * No usable credentials for an API that takes a bearer token: none given ('missing'), or one
 * that is unknown, revoked, expired or whose person is disabled ('invalid'). The web layer adds
 * the `WWW-Authenticate` challenge.
 */
export class Unauthorized extends MidadError {
  readonly status = 401;
  readonly code = 'unauthorized';
  constructor(
    message: string,
    readonly reason: 'missing' | 'invalid',
  ) {
    super(message);
  }
}

export class Forbidden extends MidadError {
  readonly status = 403;
  readonly code: string = 'forbidden';
}

/** A state-changing request without the session's form token: stale page or forged request. */
export class CsrfRejected extends Forbidden {
  override readonly code = 'csrf';
  constructor() {
    super('The form token is missing or does not match the session.');
  }
}

/** Input that breaks a rule. `fields` maps a form field to a message key or text. */
export class Invalid extends MidadError {
  readonly status: number = 422;
  readonly code: string = 'invalid';
  constructor(
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message, { fields });
  }
}

/**
 * A request whose fields are not the shape any form sends (a field given twice, an array, a
 * number that is not one, past its length limit): refused before anything runs. `fields` names
 * each field and what is wrong with it.
 */
export class Malformed extends Invalid {
  override readonly status = 400;
  override readonly code = 'malformed';
}

export class Conflict extends MidadError {
  readonly status = 409;
  readonly code = 'conflict';
}

export class TooManyRequests extends MidadError {
  readonly status = 429;
  readonly code = 'rate_limited';
}

/** A fault the operator must fix (bad configuration, unreachable database). Printed without a stack. */
export class SetupError extends MidadError {
  readonly status = 500;
  readonly code = 'setup';
}
