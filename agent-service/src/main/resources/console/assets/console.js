// The Docflow console: plain DOM code over the agent service's /api routes. Every text the API
// returns goes into the page as text (textContent, never innerHTML), so a file name or a passage
// cannot inject markup; the Content-Security-Policy would refuse an inline script anyway.

const KEY_STORAGE = 'docflow.apiKey'; // sessionStorage: gone when the tab closes, never sent to another origin
const POLL_MS = 1500;
const SETTLED = new Set(['indexed', 'failed']);

const $ = (selector) => document.querySelector(selector);

/** An error response of the API: {"error":{"code","message","requestId"}}, with Retry-After for 429. */
class ApiError extends Error {
  constructor(status, code, message, requestId, retryAfter) {
    super(message);
    this.status = status;
    this.code = code;
    this.requestId = requestId;
    this.retryAfter = retryAfter;
  }
}

// ---------------------------------------------------------------------------------------------
// API calls

function apiKey() {
  return sessionStorage.getItem(KEY_STORAGE);
}

async function errorOf(response) {
  let body = null;
  try {
    body = await response.json();
  } catch (e) {
    // not JSON (a proxy's page): the status says enough
  }
  const error = body && body.error ? body.error : {};
  const retryAfter = response.headers.get('Retry-After');
  return new ApiError(response.status, error.code || `http_${response.status}`, error.message || response.statusText,
      error.requestId || response.headers.get('X-Request-Id'), retryAfter === null ? null : Number(retryAfter));
}

/** fetch with the key; resolves to the response when it is 2xx, throws ApiError otherwise. */
async function call(path, options = {}) {
  const headers = new Headers(options.headers || {});
  headers.set('Authorization', `Bearer ${apiKey()}`);
  let response;
  try {
    response = await fetch(path, { ...options, headers });
  } catch (e) {
    throw new ApiError(0, 'unreachable', 'The agent service cannot be reached: is it still running?', null, null);
  }
  if (!response.ok) {
    throw await errorOf(response);
  }
  return response;
}

async function getJson(path) {
  return (await call(path)).json();
}

async function sendJson(method, path, body) {
  const response = await call(path, {
    method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
  });
  return response.status === 204 ? null : response.json();
}

const kbPath = (kb) => `/api/knowledge-bases/${encodeURIComponent(kb)}`;

// ---------------------------------------------------------------------------------------------
// Messages to the person

/** What an API error means to a person, by its status and code. */
function describe(error) {
  if (!(error instanceof ApiError)) {
    return `Something went wrong in the console: ${error.message}`;
  }
  const reference = error.requestId ? ` (request ${error.requestId})` : '';
  switch (error.status) {
    case 0: return error.message;
    case 401: return 'The API key was refused (401): it is wrong or was revoked. Sign in with a valid key.';
    case 403: return `Not allowed with this key (403): ${error.message}. The console needs a tenant's key, not the admin key.`;
    case 404: return `Not found (404): ${error.message}`;
    case 409: return `Conflict (409): ${error.message}`;
    case 413: return `Too large (413): ${error.message}`;
    case 429: {
      if (!Number.isFinite(error.retryAfter)) {
        return `Too many requests (429): ${error.message}.`;
      }
      // the wait comes from Retry-After; the message may say it too
      return `Too many requests (429): ${error.message.replace(/;? *retry in \d+ s\.?$/i, '')}. Retry in ${error.retryAfter} s.`;
    }
    case 504: return `The answer took too long (504): ${error.message}`;
    default: return `${error.message} (${error.status} ${error.code})${reference}`;
  }
}

function showError(error) {
  if (error instanceof ApiError && error.status === 401) {
    signOut();
  }
  const box = $('#error');
  box.textContent = describe(error);
  box.hidden = false;
}

function clearError() {
  $('#error').hidden = true;
  $('#error').textContent = '';
}

function announce(text) {
  const notice = $('#notice');
  notice.textContent = text;
  notice.hidden = false;
}

/** Runs an action of the person's; its failure is shown, not thrown. */
function guarded(action) {
  return async (...args) => {
    clearError();
    try {
      await action(...args);
    } catch (error) {
      showError(error);
    }
  };
}

// ---------------------------------------------------------------------------------------------
// Small DOM helpers

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'class') {
      node.className = value;
    } else if (name.startsWith('on')) {
      node.addEventListener(name.slice(2), value);
    } else if (value !== null && value !== undefined && value !== false) {
      node.setAttribute(name, value === true ? '' : value);
    }
  }
  for (const child of children) {
    if (child !== null && child !== undefined) {
      node.append(child);
    }
  }
  return node;
}

function formatBytes(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function formatTime(iso) {
  return iso ? new Date(iso).toLocaleString() : '';
}

function statusBadge(status) {
  return element('span', { class: `status status-${status}`, 'data-status': status }, status);
}

function failureText(failure) {
  return failure ? `${failure.reason}${failure.message ? `: ${failure.message}` : ''}` : '';
}

// ---------------------------------------------------------------------------------------------
// Views and navigation: #/ (knowledge bases), #/kb/NAME (documents), #/kb/NAME/chat[/CONVERSATION]

const state = { kb: null, watched: new Map(), pollTimer: null, conversationId: null, reuploadOf: null };

function show(viewId, title) {
  for (const view of document.querySelectorAll('.view')) {
    view.hidden = view.id !== viewId;
  }
  document.title = `${title} · Docflow console`;
  $('#sign-out').hidden = viewId === 'view-sign-in';
}

function route() {
  clearError();
  $('#notice').hidden = true;
  if (!apiKey()) {
    show('view-sign-in', 'Sign in');
    $('#api-key').focus();
    return;
  }
  const parts = location.hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  if (parts[0] === 'kb' && parts[1]) {
    state.kb = parts[1];
    for (const crumb of document.querySelectorAll('.kb-crumb')) {
      crumb.textContent = state.kb;
    }
    for (const tab of document.querySelectorAll('.tab')) {
      tab.href = tab.dataset.tab === 'chat' ? `#/kb/${encodeURIComponent(state.kb)}/chat`
        : `#/kb/${encodeURIComponent(state.kb)}`;
    }
    if (parts[2] === 'chat') {
      show('view-chat', `Chat · ${state.kb}`);
      guarded(openChat)(parts[3] || null);
    } else {
      show('view-documents', `Documents · ${state.kb}`);
      guarded(loadDocuments)();
    }
    return;
  }
  state.kb = null;
  show('view-kbs', 'Knowledge bases');
  guarded(loadKnowledgeBases)();
}

function signOut() {
  sessionStorage.removeItem(KEY_STORAGE);
  stopPolling();
  state.watched.clear();
  route();
}

// ---------------------------------------------------------------------------------------------
// Sign in

async function signIn(event) {
  event.preventDefault();
  const key = $('#api-key').value.trim();
  sessionStorage.setItem(KEY_STORAGE, key);
  try {
    await getJson('/api/knowledge-bases'); // proves the key before anything is shown
  } catch (error) {
    sessionStorage.removeItem(KEY_STORAGE);
    throw error;
  }
  $('#api-key').value = '';
  if (location.hash === '' || location.hash === '#/') {
    route();
  } else {
    location.hash = '#/';
  }
  $('#main').focus();
}

// ---------------------------------------------------------------------------------------------
// Knowledge bases

function statusSummary(byStatus) {
  return Object.entries(byStatus || {}).filter(([, count]) => count > 0)
    .map(([status, count]) => `${count} ${status}`).join(', ') || 'no documents';
}

async function loadKnowledgeBases() {
  const { knowledgeBases } = await getJson('/api/knowledge-bases');
  const list = $('#kb-list');
  list.replaceChildren(...knowledgeBases.map((kb) => element('li', { class: 'card kb', 'data-kb': kb.name },
    element('h2', {}, element('a', { href: `#/kb/${encodeURIComponent(kb.name)}` }, kb.name)),
    element('p', { class: 'counts' }, `${kb.documents} document${kb.documents === 1 ? '' : 's'} · ${kb.chunks} chunks`),
    element('p', { class: 'summary' }, statusSummary(kb.documentsByStatus)),
    element('p', { class: 'actions' },
      element('a', { href: `#/kb/${encodeURIComponent(kb.name)}/chat` }, 'Chat'),
      element('button', {
        type: 'button', class: 'danger', 'aria-label': `Delete knowledge base ${kb.name}`,
        onclick: guarded(() => deleteKnowledgeBase(kb.name)),
      }, 'Delete')))));
  $('#kb-empty').hidden = knowledgeBases.length > 0;
}

async function createKnowledgeBase(event) {
  event.preventDefault();
  const name = $('#kb-name').value.trim();
  await sendJson('POST', '/api/knowledge-bases', { name });
  $('#kb-name').value = '';
  announce(`Knowledge base ${name} created.`);
  location.hash = `#/kb/${encodeURIComponent(name)}`;
}

async function deleteKnowledgeBase(name) {
  if (!confirm(`Delete the knowledge base ${name} with all its documents? This cannot be undone.`)) {
    return;
  }
  await call(kbPath(name), { method: 'DELETE' });
  announce(`Knowledge base ${name} deleted.`);
  await loadKnowledgeBases();
}

// ---------------------------------------------------------------------------------------------
// Documents, uploads and their live status

function documentCells(doc) {
  const failure = doc.failure || doc.latestFailure;
  const failureCell = failure ? element('span', { class: 'failure' },
    doc.latestFailure ? 'Latest version failed (the previous one is still served): ' : '', failureText(failure)) : '';
  return [
    element('th', { scope: 'row', 'data-label': 'Name' }, doc.fileName),
    element('td', { 'data-label': 'Size' }, formatBytes(doc.sizeBytes)),
    element('td', { 'data-label': 'Pages' }, doc.pageCount ?? '–'),
    element('td', { 'data-label': 'Chunks' }, doc.chunkCount ?? '–'),
    element('td', { 'data-label': 'Status', class: 'status-cell' }, statusBadge(doc.status)),
    element('td', { 'data-label': 'Failure', class: 'failure-cell' }, failureCell),
    element('td', { 'data-label': 'Updated' }, element('time', { datetime: doc.updatedAt }, formatTime(doc.updatedAt))),
    element('td', { class: 'row-actions' }, element('div', {},
      element('button', {
        type: 'button', 'aria-label': `Upload a new version of ${doc.fileName}`,
        onclick: () => reupload(doc),
      }, 'Re-upload'),
      element('button', {
        type: 'button', class: 'danger', 'aria-label': `Delete ${doc.fileName}`,
        onclick: guarded(() => deleteDocument(doc)),
      }, 'Delete'))),
  ];
}

function documentRow(doc) {
  return element('tr', { 'data-document': doc.id, 'data-status': doc.status }, ...documentCells(doc));
}

function putDocumentRow(doc) {
  const body = $('#documents tbody');
  const existing = body.querySelector(`tr[data-document="${CSS.escape(doc.id)}"]`);
  const filter = $('#status-filter').value;
  if (filter && doc.status !== filter) {
    existing?.remove();
  } else if (existing) {
    existing.dataset.status = doc.status;
    existing.replaceChildren(...documentCells(doc));
  } else {
    body.prepend(documentRow(doc));
  }
  $('#documents-empty').hidden = body.children.length > 0;
}

async function loadSummary() {
  const summary = await getJson(kbPath(state.kb));
  $('#kb-summary').textContent = `${summary.documents} documents (${statusSummary(summary.documentsByStatus)}), `
    + `${summary.chunks} chunks`;
  await loadJobs();
}

/** The Flink jobs ingesting this knowledge base, each linked to its page in the Flink dashboard. */
async function loadJobs() {
  const kb = state.kb;
  const view = await getJson(`${kbPath(kb)}/jobs`);
  if (kb !== state.kb) {
    return;
  }
  const line = $('#kb-jobs');
  if (!view.flinkReachable) {
    line.replaceChildren('Ingestion jobs: the Flink cluster does not answer.');
    return;
  }
  if (view.jobs.length === 0) {
    line.replaceChildren('No job is ingesting this knowledge base now.');
    return;
  }
  const links = view.jobs.map((job) => element('a', {
    href: job.dashboardUrl, target: '_blank', rel: 'noopener noreferrer', class: 'job-link',
    'data-kind': job.kind,
  }, `${job.name} (${job.state.toLowerCase()})`));
  const parts = ['Ingesting: '];
  links.forEach((link, i) => parts.push(...(i > 0 ? [', ', link] : [link])));
  line.replaceChildren(...parts);
}

async function loadDocuments() {
  const kb = state.kb;
  const status = $('#status-filter').value;
  const query = new URLSearchParams({ limit: '500' });
  if (status) {
    query.set('status', status);
  }
  const page = await getJson(`${kbPath(kb)}/documents?${query}`);
  if (kb !== state.kb) {
    return; // the person moved on meanwhile
  }
  $('#documents tbody').replaceChildren(...page.documents.map(documentRow));
  $('#documents-empty').hidden = page.documents.length > 0;
  // the summary above counts them all; only a cut list says so
  $('#document-total').textContent = page.total > page.documents.length
    ? `the first ${page.documents.length} of ${page.total}` : '';
  for (const doc of page.documents) {
    if (!SETTLED.has(doc.status)) {
      watch(kb, doc.id, doc.fileName, doc.status);
    }
  }
  await loadSummary();
}

/** Follows a document until it is indexed or failed, updating its row as it moves. */
function watch(kb, id, fileName, status = 'uploaded') {
  state.watched.set(id, { kb, fileName, status });
  if (!state.pollTimer) {
    state.pollTimer = setTimeout(poll, POLL_MS);
  }
}

function stopPolling() {
  clearTimeout(state.pollTimer);
  state.pollTimer = null;
}

async function poll() {
  state.pollTimer = null;
  let changed = false;
  for (const [id, { kb, fileName, status }] of [...state.watched]) {
    if (kb !== state.kb) {
      continue; // resumed when its knowledge base is shown again
    }
    try {
      const doc = await getJson(`${kbPath(kb)}/documents/${encodeURIComponent(id)}`);
      putDocumentRow(doc);
      changed = changed || doc.status !== status; // the summary's counts moved too
      const entry = state.watched.get(id); // gone when the document was deleted meanwhile
      if (entry) entry.status = doc.status;
      if (SETTLED.has(doc.status)) {
        state.watched.delete(id);
        announce(doc.latestFailure
          ? `${fileName}: the new version failed (${failureText(doc.latestFailure)}); the previous one stays indexed`
          : `${fileName}: ${doc.status}${doc.failure ? ` (${failureText(doc.failure)})` : ''}`);
      }
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) {
        state.watched.delete(id); // deleted meanwhile
      } else {
        showError(error);
        if (error instanceof ApiError && error.status === 429 && Number.isFinite(error.retryAfter)) {
          state.pollTimer = setTimeout(poll, error.retryAfter * 1000);
          return;
        }
        if (error instanceof ApiError && error.status === 401) {
          return;
        }
      }
    }
  }
  if (changed) {
    await loadSummary().catch(showError);
  }
  if ([...state.watched.values()].some((entry) => entry.kb === state.kb)) {
    state.pollTimer = setTimeout(poll, POLL_MS);
  }
}

/** Uploads files in one request; {@code names} renames them (a re-upload keeps the document's name). */
async function upload(files, names = []) {
  if (files.length === 0) {
    return;
  }
  const form = new FormData();
  files.forEach((file, i) => form.append('file', file, names[i] || file.name));
  announce(`Uploading ${files.length} file${files.length === 1 ? '' : 's'}…`);
  let response;
  try {
    response = await call(`${kbPath(state.kb)}/documents`, { method: 'POST', body: form });
  } catch (error) {
    if (error instanceof ApiError && error.status === 0) {
      // the service stops reading a body over its limits and may close the connection before its 413 is read
      throw new ApiError(0, 'upload_cut_off', 'The upload was cut off before the service answered: a file may be over'
          + ' its size limit (413, upload.max-file-bytes), or the service stopped.', null, null);
    }
    throw error;
  }
  const { documents } = await response.json();
  const outcomes = [];
  for (const uploaded of documents) {
    if (uploaded.status === 'duplicate') {
      outcomes.push(`${uploaded.fileName}: the same bytes are already here`);
      continue;
    }
    if (uploaded.status === 'unchanged') {
      outcomes.push(`${uploaded.fileName}: unchanged`);
      continue;
    }
    outcomes.push(`${uploaded.fileName}: uploaded`);
    putDocumentRow(await getJson(`${kbPath(state.kb)}/documents/${encodeURIComponent(uploaded.id)}`));
    watch(state.kb, uploaded.id, uploaded.fileName);
  }
  announce(outcomes.join('; '));
  await loadSummary();
}

function reupload(doc) {
  state.reuploadOf = doc;
  $('#reupload-picker').value = '';
  $('#reupload-picker').click();
}

async function deleteDocument(doc) {
  if (!confirm(`Delete ${doc.fileName}? Its passages leave the knowledge base.`)) {
    return;
  }
  await call(`${kbPath(state.kb)}/documents/${encodeURIComponent(doc.id)}`, { method: 'DELETE' });
  state.watched.delete(doc.id);
  announce(`${doc.fileName} deleted.`);
  await loadDocuments();
}

function setUpDropZone() {
  const zone = $('#drop-zone');
  zone.addEventListener('dragover', (event) => {
    event.preventDefault();
    zone.classList.add('dragging');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('dragging'));
  zone.addEventListener('drop', guarded(async (event) => {
    event.preventDefault();
    zone.classList.remove('dragging');
    await upload([...event.dataTransfer.files]);
  }));
  $('#file-picker').addEventListener('change', guarded(async (event) => {
    const files = [...event.target.files];
    event.target.value = '';
    await upload(files);
  }));
  $('#reupload-picker').addEventListener('change', guarded(async (event) => {
    const file = event.target.files[0];
    const doc = state.reuploadOf;
    state.reuploadOf = null;
    if (file && doc) {
      await upload([file], [doc.fileName]); // same name: a new version of that document
    }
  }));
}

// ---------------------------------------------------------------------------------------------
// Chat

/** The link that opens a citation's file; PDFs at the cited page (the PDF viewer's #page=N). */
function sourceHref(citation) {
  if (!citation.sourceUrl) {
    return null;
  }
  // a passage from a file inside another (citation.part) has the inner file's page: the outer file opens at its start
  const paged = !citation.part && /\.pdf$/i.test(citation.fileName) && citation.page;
  return paged ? `${citation.sourceUrl}#page=${citation.page}` : citation.sourceUrl;
}

function pageSpan(citation) {
  if (!citation.page) return null;
  return citation.pageEnd && citation.pageEnd !== citation.page ? `pages ${citation.page}–${citation.pageEnd}`
    : `page ${citation.page}`;
}

function citationId(messageKey, n) {
  return `citation-${messageKey}-${n}`;
}

function citationItem(messageKey, citation) {
  const href = sourceHref(citation);
  const where = [citation.part, pageSpan(citation)].filter(Boolean).join(', ');
  return element('li', { id: citationId(messageKey, citation.n), class: 'citation', tabindex: '-1', 'data-n': citation.n },
    element('p', { class: 'citation-head' },
      element('span', { class: 'citation-n' }, `[${citation.n}]`), ' ',
      element('strong', { class: 'citation-file' }, citation.fileName),
      where ? element('span', { class: 'citation-pages' }, ` · ${where}`) : null),
    citation.headingPath ? element('p', { class: 'citation-heading' }, citation.headingPath) : null,
    element('blockquote', { class: 'citation-passage' }, citation.snippet),
    href ? element('p', {}, element('a', {
      class: 'citation-source', href, target: '_blank', rel: 'noopener noreferrer',
    }, `Open ${citation.fileName}${pageSpan(citation) && href.includes('#page=') ? ` at ${pageSpan(citation)}` : ''}`))
      : element('p', { class: 'help' }, 'No link to the file (it may have been deleted).'));
}

/** The answer's text with each [n] that has a citation as a link to it. */
function answerNodes(messageKey, text, citations) {
  const known = new Set(citations.map((citation) => citation.n));
  const nodes = [];
  let last = 0;
  for (const match of text.matchAll(/\[(\d+)\]/g)) {
    const n = Number(match[1]);
    if (!known.has(n)) {
      continue;
    }
    nodes.push(text.slice(last, match.index));
    nodes.push(element('a', {
      class: 'marker', href: `#${citationId(messageKey, n)}`, 'aria-label': `citation ${n}`,
      onclick: (event) => {
        event.preventDefault(); // the hash is the view's route: move focus instead
        const target = document.getElementById(citationId(messageKey, n));
        target.classList.add('highlight');
        target.scrollIntoView({ block: 'nearest' });
        target.focus();
      },
    }, `[${n}]`));
    last = match.index + match[0].length;
  }
  nodes.push(text.slice(last));
  return nodes;
}

function messageItem(role, key) {
  const item = element('li', { class: `message message-${role}`, 'data-role': role },
    element('p', { class: 'message-role visually-hidden' }, role === 'user' ? 'You asked' : 'Answer'),
    element('div', { class: 'message-text' }),
    element('ol', { class: 'citations', 'aria-label': 'Citations' }));
  item.dataset.key = key;
  $('#messages').append(item);
  return item;
}

function renderMessage(item, text, citations) {
  item.querySelector('.message-text').replaceChildren(...answerNodes(item.dataset.key, text, citations));
  item.querySelector('.citations').replaceChildren(...citations.map((citation) => citationItem(item.dataset.key, citation)));
}

async function loadConversations() {
  const { conversations } = await getJson(`/api/conversations?knowledgeBase=${encodeURIComponent(state.kb)}`);
  $('#conversation-list').replaceChildren(...conversations.map((conversation) => element('li', {
    class: conversation.id === state.conversationId ? 'current' : '',
  },
  element('a', {
    href: `#/kb/${encodeURIComponent(state.kb)}/chat/${conversation.id}`,
    'aria-current': conversation.id === state.conversationId ? 'page' : null,
  }, conversation.title || 'Untitled'),
  element('span', { class: 'help' }, ` ${conversation.messageCount} messages`),
  element('button', {
    type: 'button', class: 'danger small', 'aria-label': `Delete conversation ${conversation.title}`,
    onclick: guarded(() => deleteConversation(conversation)),
  }, 'Delete'))));
}

async function openChat(conversationId) {
  state.conversationId = conversationId;
  $('#messages').replaceChildren();
  if (conversationId) {
    const conversation = await getJson(`/api/conversations/${encodeURIComponent(conversationId)}`);
    for (const message of conversation.messages) {
      renderMessage(messageItem(message.role, message.id), message.text, message.citations || []);
    }
  }
  await loadConversations();
}

async function deleteConversation(conversation) {
  if (!confirm(`Delete the conversation "${conversation.title}"?`)) {
    return;
  }
  await call(`/api/conversations/${encodeURIComponent(conversation.id)}`, { method: 'DELETE' });
  announce('Conversation deleted.');
  if (conversation.id === state.conversationId) {
    location.hash = `#/kb/${encodeURIComponent(state.kb)}/chat`;
  } else {
    await loadConversations();
  }
}

/** Reads server-sent events from a fetch response: EventSource cannot send the key header. */
async function* serverSentEvents(response) {
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) {
      return;
    }
    buffer += value.replace(/\r\n/g, '\n');
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let event = 'message';
      const data = [];
      for (const line of frame.split('\n')) {
        if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      }
      if (data.length > 0) {
        yield { event, data: JSON.parse(data.join('\n')) };
      }
    }
  }
}

async function ask(event) {
  event.preventDefault();
  const question = $('#question').value.trim();
  if (!question) {
    return;
  }
  const button = $('#ask');
  button.disabled = true;
  const messages = $('#messages');
  renderMessage(messageItem('user', `q${Date.now()}`), question, []);
  const answer = messageItem('assistant', `a${Date.now()}`);
  answer.classList.add('streaming');
  messages.setAttribute('aria-busy', 'true'); // announced once, when the whole answer is in
  try {
    const response = await call('/api/chat', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
      body: JSON.stringify({
        knowledgeBase: state.kb, message: question, stream: true, conversationId: state.conversationId || undefined,
      }),
    });
    $('#question').value = '';
    let text = '';
    let citations = [];
    for await (const { event: name, data } of serverSentEvents(response)) {
      if (name === 'citations') {
        citations = data.citations;
      } else if (name === 'delta') {
        text += data.text;
        renderMessage(answer, text, citations);
      } else if (name === 'done') {
        renderMessage(answer, text, data.citations);
        answer.dataset.done = 'true';
        if (data.conversationId && data.conversationId !== state.conversationId) {
          state.conversationId = data.conversationId;
          // the address follows the conversation without reloading what is shown
          history.replaceState(null, '', `#/kb/${encodeURIComponent(state.kb)}/chat/${data.conversationId}`);
        }
        await loadConversations();
      } else if (name === 'error') {
        throw new ApiError(500, data.error.code, data.error.message, data.error.requestId, null);
      }
    }
  } catch (error) {
    answer.remove();
    throw error;
  } finally {
    answer.classList.remove('streaming');
    messages.setAttribute('aria-busy', 'false');
    button.disabled = false;
  }
}

// ---------------------------------------------------------------------------------------------

function start() {
  $('#sign-in-form').addEventListener('submit', guarded(signIn));
  $('#sign-out').addEventListener('click', signOut);
  $('#create-kb-form').addEventListener('submit', guarded(createKnowledgeBase));
  $('#status-filter').addEventListener('change', guarded(loadDocuments));
  $('#ask-form').addEventListener('submit', guarded(ask));
  $('#question').addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      $('#ask-form').requestSubmit();
    }
  });
  $('#new-conversation').addEventListener('click', guarded(async () => {
    const fresh = `#/kb/${encodeURIComponent(state.kb)}/chat`;
    if (location.hash === fresh) {
      await openChat(null); // no hashchange to route by
    } else {
      location.hash = fresh;
    }
    $('#question').focus();
  }));
  setUpDropZone();
  window.addEventListener('hashchange', route);
  route();
}

start();
