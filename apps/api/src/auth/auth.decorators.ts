import { applyDecorators, createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { ApiForbiddenResponse, ApiQuery } from '@nestjs/swagger';
import { ApiError } from '../errors/api-error';
import type { Principal, Role } from './principal';

export const IS_PUBLIC = 'dondoc:public';
export const REQUIRED_ROLES = 'dondoc:roles';
export const QUERY_TOKEN_ALLOWED = 'dondoc:query-token';

/** The request as the auth guard leaves it. */
export interface AuthenticatedRequest {
  principal?: Principal;
}

/** Anyone may call this route, without a token. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

/** Only tokens of these roles may call this route (or every route of this controller); 403 otherwise. */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator =>
  applyDecorators(
    SetMetadata(REQUIRED_ROLES, roles),
    ApiForbiddenResponse({ description: `Only for the role${roles.length > 1 ? 's' : ''} ${roles.join(', ')}` }),
  );

/**
 * The token may also come as `?access_token=`, for browsers' EventSource, which cannot send headers. Only for
 * streams: a token in a URL ends up in logs and histories.
 */
export const AllowQueryToken = (): MethodDecorator =>
  applyDecorators(
    SetMetadata(QUERY_TOKEN_ALLOWED, true),
    ApiQuery({ name: 'access_token', required: false, description: 'The bearer token, for clients that cannot send an Authorization header' }),
  );

/** The authenticated caller of this request. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new ApiError(401, 'UNAUTHENTICATED', 'This route needs a bearer token');
  return principal;
});
