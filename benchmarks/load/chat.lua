-- wrk script: POST /api/v1/chat with realistic citizen questions (fr/en), in one of two traffic mixes chosen by the
-- script's argument (wrk ... -s chat.lua URL -- <mix>):
--
-- first-turns (default): every request is the first message of a new conversation (thread number + counter as its
--   conversationId), drawn in turn from 20 questions. A quarter of them name a scrutin number that changes with every
--   request (1..3876), so their texts are nearly always new: the gateway's cache of understood texts (which serves
--   repeated texts such as quick-reply payloads) cannot answer them, and the measured path includes the NLU. Every
--   request adds one conversation row to the database (H2 file by default), removed after civic.conversations.idle-expiry.
-- conversations: citizens who hold a short conversation, five messages under one conversationId, the later ones
--   relying on the context of the earlier ones ("et son taux de participation ?"), then a new citizen. This measures
--   the context being read back and updated.
--
-- Either way a conversation sends at most five messages, within the per-conversation burst (10): the rate limit
-- never triggers.

local first_turns = {
  "Comment a voté Mathilde Panot au scrutin %d ?",
  "Qui est mon député ? J'habite à Annecy",
  "Est-ce que Marine Le Pen participe aux votes ?",
  "Quel est le résultat du scrutin %d ?",
  "Qu'est-ce qui a été voté cette semaine ?",
  "Who is my MP? I live in Bordeaux",
  "How did François Ruffin vote on scrutin %d?",
  "Mon code postal est 33000, qui me représente ?",
  "Quel est le taux de participation de Gabriel Attal ?",
  "Comment a voté Boris Vallaud sur la réforme des retraites ?",
  "Bonjour",
  "Qui est le député de la 4e circonscription de la Gironde ?",
  "What was the result of vote %d?",
  "Qui est Éric Ciotti ?",
  "Le scrutin %d a-t-il été adopté ?",
  "Does my deputy take part in votes? I live in Lyon 3e",
  "Comment ont voté les députés sur le budget ?",
  "Il y a un nid de poule dans ma rue",
  "Quelle est la météo demain ?",
  "What can you do?",
}

local conversations = {
  { "Comment a voté Mathilde Panot au scrutin %d ?", "et son taux de participation ?", "et sur le scrutin %d ?",
    "Quel est son groupe ?", "Merci" },
  { "Qui est mon député ? J'habite à Annecy", "Est-ce qu'il participe aux votes ?", "Comment a-t-il voté au scrutin %d ?",
    "Quel est le résultat du scrutin %d ?", "Bonjour" },
  { "How did François Ruffin vote on scrutin %d?", "and his participation rate?", "what about scrutin %d?",
    "Who is my MP? I live in Bordeaux", "What can you do?" },
}

local counter = 0
local mix = "first-turns"
thread_id = 0 -- set per thread by setup() below (a global, so that thread:set reaches it)

function setup(thread)
  thread:set("thread_id", math.random(1, 1000000000))
end

function init(args)
  mix = args[1] or mix
  if mix ~= "first-turns" and mix ~= "conversations" then
    error("unknown mix '" .. mix .. "': first-turns or conversations")
  end
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  local q, id
  if mix == "conversations" then
    local conversation = math.floor(counter / 5)
    q = conversations[(conversation % #conversations) + 1][(counter % 5) + 1]
    id = string.format("talk-%d-%d", thread_id, conversation)
  else
    q = first_turns[(counter % #first_turns) + 1]
    id = string.format("load-%d-%d", thread_id, counter)
  end
  counter = counter + 1
  if string.find(q, "%%d") then
    q = string.format(q, (counter * 7919 + thread_id) % 3876 + 1)
  end
  return wrk.format(nil, "/api/v1/chat", nil, string.format('{"conversationId":"%s","text":"%s"}', id, q))
end
