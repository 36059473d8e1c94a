import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import type { ApiConfig } from '../core/core.module';
import { CONFIG } from '../core/tokens';
import { ApiError } from '../errors/api-error';
import { ApiTokensRepository } from '../tokens/api-tokens.repository';
import { hashToken } from '../tokens/token-secret';
import { IS_PUBLIC, QUERY_TOKEN_ALLOWED, REQUIRED_ROLES, type AuthenticatedRequest } from './auth.decorators';
import { FailedAuthLimiter } from './failed-auth-limiter';
import type { Role } from './principal';
import { presentedToken, type CredentialSource } from './presented-token';

/**
 * Global: every route needs a live bearer token, of an allowed role, unless it is @Public(). An address that presented
 * too many unknown tokens this minute is refused before any lookup, but for tokens that authenticated lately.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly failures: FailedAuthLimiter;

  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: ApiTokensRepository,
    @Inject(CONFIG) config: ApiConfig,
  ) {
    this.failures = new FailedAuthLimiter(config.authFailuresPerMinute);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const http = context.switchToHttp();
    const request = http.getRequest<AuthenticatedRequest & CredentialSource & { ip?: string }>();
    const token = presentedToken(request, this.reflector.getAllAndOverride<boolean>(QUERY_TOKEN_ALLOWED, targets) ?? false);
    if (token === undefined) throw unauthenticated(http.getResponse<Response>(), 'This route needs a bearer token (Authorization: Bearer ddc_…)');
    const address = request.ip ?? 'unknown';
    const hash = hashToken(token);
    const retryAfter = this.failures.retryAfter(address, hash, Date.now());
    if (retryAfter !== undefined) throw tooManyFailures(http.getResponse<Response>(), retryAfter);
    const principal = await this.tokens.principalByHash(hash);
    if (!principal) {
      this.failures.recordFailure(address, hash, Date.now());
      throw unauthenticated(http.getResponse<Response>(), 'The bearer token is unknown or revoked');
    }
    this.failures.recordSuccess(hash, Date.now());
    request.principal = principal;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (roles && !roles.includes(principal.role)) {
      throw new ApiError(403, 'FORBIDDEN', `Only ${roles.join(', ')} tokens may do this; this one is ${principal.role}`);
    }
    return true;
  }
}

function unauthenticated(response: Response, message: string): ApiError {
  response.setHeader('WWW-Authenticate', 'Bearer realm="dondoc"');
  return new ApiError(401, 'UNAUTHENTICATED', message);
}

function tooManyFailures(response: Response, retryAfter: number): ApiError {
  response.setHeader('Retry-After', String(retryAfter));
  return new ApiError(429, 'RATE_LIMITED', 'Too many unknown or revoked tokens from this address; retry after the number of seconds in Retry-After');
}
