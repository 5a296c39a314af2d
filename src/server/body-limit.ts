/**
 * 1 MiB: ample for every JSON body the API takes (documents arrive as JSON text, not uploads). Its
 * own module so that the CLI checks LIAISON_BODY_LIMIT without loading the server.
 */
export const defaultBodyLimit = 1024 * 1024
