export type { Principal, Role } from './principal';
export { ROLES } from './principal';
export { actorOf } from './actor-of';
export { AllowQueryToken, CurrentPrincipal, Public, Roles } from './auth.decorators';
export { AuthModule } from './auth.module';
