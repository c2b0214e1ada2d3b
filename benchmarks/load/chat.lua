-- wrk script: POST /api/v1/chat with a rotating set of realistic citizen questions (fr/en).
-- Every request gets its own conversationId (thread number + counter), so the per-conversation rate limit
-- (10 messages in a burst, then 1/s) never triggers and every request is a first turn of a new conversation.
-- Consequence worth knowing: the conversation store grows by one entry per request (bounded by
-- civic.conversations.maximum, 100,000 by default, least recently used evicted first).

local questions = {
  "Comment a voté Mathilde Panot au scrutin 3876 ?",
  "Qui est mon député ? J'habite à Annecy",
  "Est-ce que Marine Le Pen participe aux votes ?",
  "Quel est le résultat du scrutin 3700 ?",
  "Qu'est-ce qui a été voté cette semaine ?",
  "Who is my MP? I live in Bordeaux",
  "How did François Ruffin vote on scrutin 3800?",
  "Mon code postal est 33000, qui me représente ?",
  "Quel est le taux de participation de Gabriel Attal ?",
  "Comment a voté Boris Vallaud sur la réforme des retraites ?",
  "Bonjour",
  "Qui est le député de la 4e circonscription de la Gironde ?",
  "What was the result of vote 3500?",
  "Qui est Éric Ciotti ?",
  "Le scrutin 3456 a-t-il été adopté ?",
  "Does my deputy take part in votes? I live in Lyon 3e",
  "Comment ont voté les députés sur le budget ?",
  "Il y a un nid de poule dans ma rue",
  "Quelle est la météo demain ?",
  "What can you do?",
}

local counter = 0
thread_id = 0 -- set per thread by setup() below (a global, so that thread:set reaches it)

function setup(thread)
  thread:set("thread_id", math.random(1, 1000000000))
end

function init(args)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  counter = counter + 1
  local q = questions[(counter % #questions) + 1]
  local body = string.format('{"conversationId":"load-%d-%d","text":"%s"}', thread_id, counter, q)
  return wrk.format(nil, "/api/v1/chat", nil, body)
end
