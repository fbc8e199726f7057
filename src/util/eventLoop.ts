/** Let the UI breathe (and AbortSignal listeners run) between chunks of long work. Used by the app and adapters. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
