// Errors in the shape GitHub returns them: `message`, `documentation_url`, and `status` as a
// string; validation failures add an `errors` array. Octokit builds its exception text from these.

export interface FieldError {
  resource: string
  code: 'missing' | 'missing_field' | 'invalid' | 'already_exists' | 'unprocessable' | 'custom'
  field?: string
  message?: string
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Field errors, or (as review endpoints answer) plain sentences. */
    readonly errors?: Array<FieldError | string>,
    readonly headers: Record<string, string> = {},
  ) {
    super(message)
  }
}

export function errorBody(
  status: number,
  message: string,
  documentationUrl: string,
  errors?: Array<FieldError | string>,
) {
  return {
    message,
    ...(errors ? { errors } : {}),
    documentation_url: documentationUrl,
    status: String(status),
  }
}

export const notFound = () => new HttpError(404, 'Not Found')

export const validationFailed = (...errors: FieldError[]) =>
  new HttpError(422, 'Validation Failed', errors)
