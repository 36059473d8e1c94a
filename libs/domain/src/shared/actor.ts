export type Actor = { kind: 'agency'; agency: string } | { kind: 'supervisor' } | { kind: 'admin' } | { kind: 'system' };

export type ActorKind = Actor['kind'];

export const isAgency = (actor: Actor, agency: string): boolean => actor.kind === 'agency' && actor.agency === agency;

export const describeActor = (actor: Actor): string => (actor.kind === 'agency' ? `agency ${actor.agency}` : actor.kind);
