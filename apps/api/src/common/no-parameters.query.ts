/** A read that takes no parameters: one sent (a `limit`, say) is a 400, as on the lists that take some, not ignored. */
export class NoParametersQuery {}
