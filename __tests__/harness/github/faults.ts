// Fault injection: queued responses that replace the real handler for matching requests, so a
// test can make GitHub fail exactly when it wants (5xx, 403/429 with retry-after, 404, 422).

export interface FaultSpec {
  /** HTTP method to match (any when omitted). */
  method?: string
  /**
   * Path to match: a RegExp tested against the request path, or a string equal to either the
   * request path ("/repos/o/r/issues/1/comments") or its template
   * ("/repos/{owner}/{repo}/issues/{issue_number}/comments"). Any path when omitted.
   */
  path?: string | RegExp
  /** How many matching requests get this fault (default 1). */
  times?: number
  status: number
  headers?: Record<string, string>
  /** Response body; defaults to a GitHub-style error body for the status. */
  body?: unknown
  /** Wait this long before answering. */
  delayMs?: number
}

export interface ActiveFault extends FaultSpec {
  remaining: number
}

export class FaultQueue {
  private readonly queue: ActiveFault[] = []

  add(fault: FaultSpec): void {
    this.queue.push({ ...fault, remaining: fault.times ?? 1 })
  }

  /** Faults not yet used up. */
  pending(): readonly ActiveFault[] {
    return this.queue.filter((f) => f.remaining > 0)
  }

  clear(): void {
    this.queue.length = 0
  }

  /** The first fault matching the request, consuming one use; the handler runs when undefined. */
  take(method: string, path: string, template: string): ActiveFault | undefined {
    const fault = this.queue.find((f) => f.remaining > 0 && matches(f, method, path, template))
    if (fault) fault.remaining--
    return fault
  }
}

function matches(fault: FaultSpec, method: string, path: string, template: string): boolean {
  if (fault.method && fault.method.toUpperCase() !== method.toUpperCase()) return false
  if (fault.path === undefined) return true
  if (fault.path instanceof RegExp) return fault.path.test(path)
  return fault.path === path || fault.path === template
}
