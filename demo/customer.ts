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
  files?: Array<{ id: string; name: string; size: number }>;
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
const filesInput = form.elements.namedItem('files') as HTMLInputElement;
const typingLine = document.querySelector<HTMLElement>('#typing')!;

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

/** Saves a file of the conversation: fetched, then downloaded, never opened in the page. */
async function download(file: { id: string; name: string }): Promise<void> {
  if (!visitor) return;
  const query = new URLSearchParams({
    visitorId: visitor.id,
    liveChatId: chatSelect.value,
    fileId: file.id,
  });
  const { contentBase64 } = await api<{ contentBase64: string }>(`customer/files?${query}`);
  const bytes = Uint8Array.from(atob(contentBase64), (char) => char.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/octet-stream' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: file.name });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function fileButton(file: { id: string; name: string; size: number }): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'file';
  button.textContent = `📎 ${file.name} (${Math.max(1, Math.round(file.size / 1024))} KB)`;
  button.addEventListener('click', () => {
    download(file).catch((error: Error) => (statusLine.textContent = error.message));
  });
  return button;
}

let shown = '';
async function refresh(): Promise<void> {
  if (!visitor) return;
  const query = new URLSearchParams({ visitorId: visitor.id, liveChatId: chatSelect.value });
  try {
    const { messages, operatorTyping } = await api<{
      messages: VisitorMessage[];
      operatorTyping: boolean;
    }>(`customer/messages?${query}`);
    typingLine.textContent = operatorTyping ? 'An operator is typing…' : '';
    const key = messages.map((message) => message.id).join();
    if (key === shown) return;
    shown = key;
    conversation.replaceChildren(
      ...messages.map((message) => {
        const item = document.createElement('li');
        item.className = message.from;
        item.textContent = message.text; // text, never HTML
        item.title = new Date(message.sentAt).toLocaleString();
        for (const file of message.files ?? []) item.append(fileButton(file));
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
  // Typing reaches the operators at most every 2 s, and stops when the message goes.
  let typingSentAt = 0;
  const sendTyping = (typing: boolean) => {
    if (!visitor) return;
    const now = Date.now();
    if (typing && now - typingSentAt < 2000) return;
    if (!typing && typingSentAt === 0) return;
    typingSentAt = typing ? now : 0;
    void api('customer/typing', {
      method: 'POST',
      body: JSON.stringify({ visitorId: visitor.id, liveChatId: chatSelect.value, typing }),
    }).catch(() => undefined);
  };
  textInput.addEventListener('input', () => sendTyping(textInput.value.trim() !== ''));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = textInput.value;
    const name = nameInput.value.trim();
    const picked = [...(filesInput.files ?? [])];
    if (text.trim() === '' && picked.length === 0) {
      statusLine.textContent = 'Write a message or pick a file.';
      return;
    }
    // A new name is a new visitor.
    if (visitor && visitor.name !== name) visitor = null;
    statusLine.textContent = 'Sending…';
    sendTyping(false);
    Promise.all(
      picked.map(async (file) => ({
        name: file.name,
        contentBase64: btoa(
          Array.from(new Uint8Array(await file.arrayBuffer()), (byte) =>
            String.fromCharCode(byte),
          ).join(''),
        ),
      })),
    )
      .then((files) =>
        api<{ visitorId: string }>('customer/messages', {
          method: 'POST',
          body: JSON.stringify({
            visitorId: visitor?.id,
            name,
            liveChatId: chatSelect.value,
            text,
            clientMessageId: crypto.randomUUID(),
            ...(files.length > 0 ? { files } : {}),
          }),
        }),
      )
      .then(({ visitorId }) => {
        visitor = { id: visitorId, name };
        localStorage.setItem(KEY, JSON.stringify(visitor));
        textInput.value = '';
        filesInput.value = '';
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
