import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { ApiError } from '../errors/api-error';
import { ApiTokensRepository } from '../tokens/api-tokens.repository';
import { hashToken } from '../tokens/token-secret';
import { IS_PUBLIC, QUERY_TOKEN_ALLOWED, REQUIRED_ROLES, type AuthenticatedRequest } from './auth.decorators';
import type { Role } from './principal';
import { presentedToken, type CredentialSource } from './presented-token';

/** Global: every route needs a live bearer token, of an allowed role, unless it is @Public(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: ApiTokensRepository,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const http = context.switchToHttp();
    const request = http.getRequest<AuthenticatedRequest & CredentialSource>();
    const token = presentedToken(request, this.reflector.getAllAndOverride<boolean>(QUERY_TOKEN_ALLOWED, targets) ?? false);
    if (token === undefined) throw unauthenticated(http.getResponse<Response>(), 'This route needs a bearer token (Authorization: Bearer ddc_…)');
    const principal = await this.tokens.principalByHash(hashToken(token));
    if (!principal) throw unauthenticated(http.getResponse<Response>(), 'The bearer token is unknown or revoked');
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
