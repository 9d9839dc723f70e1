// A request's timeout judged after the sockets were read once more. When the event loop was held up longer than the
// timeout (a paused process, a long synchronous task), the timer runs before the answer already waiting in the socket
// is read, and a message the platform took would be counted as failed and sent again.

/** An AbortSignal that aborts `ms` after now, on the first check phase after the timer (the poll phase comes first). */
export function patientTimeout(ms: number): AbortSignal {
  const controller = new AbortController();
  const timer = setTimeout(
    () =>
      setImmediate(() =>
        controller.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError')),
      ),
    ms,
  );
  // A pending timeout never keeps the process alive.
  timer.unref();
  return controller.signal;
}
