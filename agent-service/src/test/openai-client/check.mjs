// Drives Docflow's OpenAI-compatible endpoint with the official openai client, as an application
// would, and prints what it saw as one JSON object on stdout (OpenAiCompatibleIT asserts on it).
//
//   node check.mjs <baseUrl> <apiKey> <model> <question>
//   (or DOCFLOW_BASE_URL, DOCFLOW_API_KEY, DOCFLOW_MODEL, DOCFLOW_QUESTION)
//
// baseUrl is the service's root with /v1, e.g. http://127.0.0.1:7070/v1.
import OpenAI from 'openai';

const [baseURL, apiKey, model, question] = [
  process.argv[2] ?? process.env.DOCFLOW_BASE_URL,
  process.argv[3] ?? process.env.DOCFLOW_API_KEY,
  process.argv[4] ?? process.env.DOCFLOW_MODEL,
  process.argv[5] ?? process.env.DOCFLOW_QUESTION,
];
if (!baseURL || !apiKey || !model || !question) {
  console.error('usage: node check.mjs <baseUrl> <apiKey> <model> <question>');
  process.exit(2);
}

// no retries: a failure must show as it is, and quickly
const options = { baseURL, maxRetries: 0, timeout: 60_000 };
const client = new OpenAI({ ...options, apiKey });
const messages = [
  { role: 'system', content: 'Answer from the knowledge base.' },
  { role: 'user', content: question },
];

/** What the client surfaced for a failed call: its status and the error body it parsed. */
async function failure(call) {
  try {
    await call();
    return { status: null };
  } catch (e) {
    if (!(e instanceof OpenAI.APIError)) {
      throw e;
    }
    return { status: e.status ?? null, code: e.code ?? e.error?.code ?? null, message: e.message };
  }
}

const result = {};

const models = [];
for await (const m of client.models.list()) {
  models.push({ id: m.id, object: m.object, created: m.created, owned_by: m.owned_by });
}
result.models = models;

const completion = await client.chat.completions.create({ model, messages, temperature: 0 });
const choice = completion.choices[0];
result.completion = {
  id: completion.id,
  object: completion.object,
  model: completion.model,
  role: choice.message.role,
  content: choice.message.content,
  citations: choice.message.citations ?? null,
  finishReason: choice.finish_reason,
  usage: completion.usage ?? null,
};

const stream = await client.chat.completions.create({ model, messages, stream: true });
let content = '';
let chunks = 0;
let firstRole = null;
let finishReason = null;
let citations = null;
let object = null;
for await (const chunk of stream) {
  chunks++;
  object = chunk.object;
  const c = chunk.choices[0];
  firstRole ??= c?.delta?.role ?? null;
  content += c?.delta?.content ?? '';
  if (c?.finish_reason) {
    finishReason = c.finish_reason;
    citations = c.delta?.citations ?? null;
  }
}
result.stream = { object, chunks, firstRole, content, finishReason, citations };

// the client's own accumulator: extra delta fields end up on the final message
const runner = client.chat.completions.stream({ model, messages });
const accumulated = (await runner.finalChatCompletion()).choices[0].message;
result.accumulated = { content: accumulated.content, citations: accumulated.citations ?? null };

result.unknownModel = await failure(() =>
  client.chat.completions.create({ model: `${model}-does-not-exist`, messages }));
result.unknownModelStreaming = await failure(async () => {
  for await (const _ of await client.chat.completions.create({ model: `${model}-does-not-exist`, messages, stream: true })) {
    // an error must come before any chunk
  }
});
result.wrongKey = await failure(() => new OpenAI({ ...options, apiKey: 'dfk_not-a-key' }).models.list());

console.log(JSON.stringify(result));
