/**
 * The customer page of `npm start` (customer.html): a person writes in as a visitor of the web
 * channel, through the demo API of demo/server.ts, and sees the operators' answers (polled).
 * A demo aid only: a real channel reaches the server through its own integration.
 */

interface VisitorMessage {
  id: string;
  from: 'me' | 'operator' | 'system';
  text: string;
  sentAt: number;
}

interface Config {
  mode: 'server' | 'in-page';
  webLiveChats?: Array<{ id: string; name: string }>;
}

const form = document.querySelector<HTMLFormElement>('#write')!;
const statusLine = document.querySelector<HTMLElement>('#status')!;
const conversation = document.querySelector<HTMLOListElement>('#conversation')!;
const nameInput = form.elements.namedItem('name') as HTMLInputElement;
const chatSelect = form.elements.namedItem('liveChatId') as HTMLSelectElement;
const textInput = form.elements.namedItem('text') as HTMLTextAreaElement;

const KEY = 'live-chat-demo.visitor';
/** Who this browser writes as: kept so a reload continues the same conversation. */
let visitor = JSON.parse(localStorage.getItem(KEY) ?? 'null') as {
  id: string;
  name: string;
} | null;

async function api<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(`/demo-api/${path}`, {
    ...init,
    headers: { 'content-type': 'application/json' },
  });
  const body = (await response.json()) as T & { error?: { message: string } };
  if (!response.ok)
    throw new Error(body.error?.message ?? `The server answered ${response.status}.`);
  return body;
}

let shown = '';
async function refresh(): Promise<void> {
  if (!visitor) return;
  const query = new URLSearchParams({ visitorId: visitor.id, liveChatId: chatSelect.value });
  try {
    const { messages } = await api<{ messages: VisitorMessage[] }>(`customer/messages?${query}`);
    const key = messages.map((message) => message.id).join();
    if (key === shown) return;
    shown = key;
    conversation.replaceChildren(
      ...messages.map((message) => {
        const item = document.createElement('li');
        item.className = message.from;
        item.textContent = message.text; // text, never HTML
        item.title = new Date(message.sentAt).toLocaleString();
        return item;
      }),
    );
  } catch (error) {
    statusLine.textContent = (error as Error).message;
  }
}

async function main(): Promise<void> {
  const config = await api<Config>('config').catch(() => ({ mode: 'in-page' }) as Config);
  if (config.mode !== 'server') {
    statusLine.textContent =
      'The customer page needs the live chat server: run `npm start` (not `--in-page`).';
    form.querySelector('button')!.disabled = true;
    return;
  }
  for (const chat of config.webLiveChats ?? []) chatSelect.add(new Option(chat.name, chat.id));
  if (visitor) nameInput.value = visitor.name;
  chatSelect.addEventListener('change', () => {
    shown = '';
    void refresh();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = textInput.value;
    const name = nameInput.value.trim();
    // A new name is a new visitor.
    if (visitor && visitor.name !== name) visitor = null;
    statusLine.textContent = 'Sending…';
    api<{ visitorId: string }>('customer/messages', {
      method: 'POST',
      body: JSON.stringify({
        visitorId: visitor?.id,
        name,
        liveChatId: chatSelect.value,
        text,
        clientMessageId: crypto.randomUUID(),
      }),
    })
      .then(({ visitorId }) => {
        visitor = { id: visitorId, name };
        localStorage.setItem(KEY, JSON.stringify(visitor));
        textInput.value = '';
        statusLine.textContent = 'Sent.';
        return refresh();
      })
      .catch((error: Error) => {
        statusLine.textContent = error.message;
      });
  });
  await refresh();
  setInterval(() => void refresh(), 2000);
}

void main();

export {};
