-- wrk script: POST /api/v1/chat with a rotating set of realistic citizen questions (fr/en).
-- A quarter of them name a scrutin number that changes with every request (1..3876), so their texts are nearly
-- always new: the gateway's cache of understood texts (which serves repeated texts such as quick-reply payloads)
-- cannot answer them, and the measured path includes the NLU. The other questions repeat, as real traffic does.
-- Every request gets its own conversationId (thread number + counter), so the per-conversation rate limit
-- (10 messages in a burst, then 1/s) never triggers and every request is a first turn of a new conversation.
-- Consequence worth knowing: every request writes one new conversation row to the database (H2 file by default),
-- removed after civic.conversations.idle-expiry.

local questions = {
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
  if string.find(q, "%%d") then
    q = string.format(q, (counter * 7919 + thread_id) % 3876 + 1)
  end
  local body = string.format('{"conversationId":"load-%d-%d","text":"%s"}', thread_id, counter, q)
  return wrk.format(nil, "/api/v1/chat", nil, body)
end
