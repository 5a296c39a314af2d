/** The signed-in principal; every other query is dropped when it changes (see useSwitchPrincipal). */
export const sessionKey = ['session'] as const
/** The single sign-on providers; kept under the session key so a sign-in or out leaves them cached. */
export const signInProvidersKey = ['session', 'providers'] as const
