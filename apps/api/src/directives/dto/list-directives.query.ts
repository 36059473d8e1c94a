/** The list takes no parameters: one sent (a `limit`, say) is a 400, as on the other lists, not silently ignored. */
export class ListDirectivesQuery {}
