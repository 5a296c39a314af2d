/** The signed-in principal; every other query is dropped when it changes (see useSwitchPrincipal). */
export const sessionKey = ['session'] as const
