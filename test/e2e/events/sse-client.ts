/** One Server-Sent Events message as a client sees it. */
export interface SseMessage {
  id?: string;
  event?: string;
  data: string;
}

/** A minimal EventSource over fetch, which (unlike EventSource) shows status codes and takes any header. */
export interface SseConnection {
  status: number;
  contentType: string | null;
  /** The next message matching the predicate, within the timeout. */
  next(predicate?: (message: SseMessage) => boolean, timeoutMs?: number): Promise<SseMessage>;
  close(): void;
}

export async function openSse(url: string, headers: Record<string, string> = {}): Promise<SseConnection> {
  const controller = new AbortController();
  const response = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: controller.signal });
  const reader = response.body?.getReader();
  const decoder = new TextDecoder();
  const queue: SseMessage[] = [];
  let buffer = '';

  const readMore = async (): Promise<void> => {
    if (!reader) throw new Error('no body');
    const { value, done } = await reader.read();
    if (done) throw new Error('the stream ended');
    buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, '\n');
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const message: SseMessage = { data: '' };
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith(':') || line === '') continue;
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'id') message.id = value;
        else if (field === 'event') message.event = value;
        else if (field === 'data') data.push(value);
      }
      if (data.length > 0) queue.push({ ...message, data: data.join('\n') });
    }
  };

  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    async next(predicate = () => true, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const index = queue.findIndex(predicate);
        if (index >= 0) return queue.splice(0, index + 1)[index];
        queue.length = 0;
        const left = deadline - Date.now();
        if (left <= 0) throw new Error('no matching SSE message in time');
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          readMore(),
          new Promise<void>((_, reject) => (timer = setTimeout(() => reject(new Error('no matching SSE message in time')), left))),
        ]).finally(() => clearTimeout(timer));
      }
    },
    close: () => controller.abort(),
  };
}
