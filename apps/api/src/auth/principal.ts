/** The roles a bearer token can carry. */
export const ROLES = ['admin', 'supervisor', 'agency', 'viewer'] as const;

export type Role = (typeof ROLES)[number];

/** Who is calling: the token's id and role, and for an agency token the agency it speaks for. */
export interface Principal {
  tokenId: string;
  role: Role;
  agency: string | null;
}
