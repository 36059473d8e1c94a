/** An agency acting for a joint group it is a member of, named in its place: `agency` is the group, `member` who acted. */
export type Actor = { kind: 'agency'; agency: string; member?: string } | { kind: 'supervisor' } | { kind: 'admin' } | { kind: 'system' };

export type ActorKind = Actor['kind'];

export const isAgency = (actor: Actor, agency: string): boolean => actor.kind === 'agency' && actor.agency === agency;

export const describeActor = (actor: Actor): string => {
  if (actor.kind !== 'agency') return actor.kind;
  return actor.member === undefined ? `agency ${actor.agency}` : `agency ${actor.agency} (its member ${actor.member})`;
};
