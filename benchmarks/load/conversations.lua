-- wrk script: POST /api/v1/chat as citizens who hold a short conversation: five messages under one conversationId,
-- the later ones relying on the context of the earlier ones ("et son taux de participation ?"), then a new citizen.
-- Five messages stay within the per-conversation burst (10), so the rate limit never triggers.
-- Compared with chat.lua (every request a first turn), this measures the context being read back and updated.

local conversations = {
  { "Comment a voté Mathilde Panot au scrutin %d ?", "et son taux de participation ?", "et sur le scrutin %d ?",
    "Quel est son groupe ?", "Merci" },
  { "Qui est mon député ? J'habite à Annecy", "Est-ce qu'il participe aux votes ?", "Comment a-t-il voté au scrutin %d ?",
    "Quel est le résultat du scrutin %d ?", "Bonjour" },
  { "How did François Ruffin vote on scrutin %d?", "and his participation rate?", "what about scrutin %d?",
    "Who is my MP? I live in Bordeaux", "What can you do?" },
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
  local conversation = math.floor(counter / 5)
  local turn = counter % 5
  counter = counter + 1
  local q = conversations[(conversation % #conversations) + 1][turn + 1]
  if string.find(q, "%%d") then
    q = string.format(q, (counter * 7919 + thread_id) % 3876 + 1)
  end
  local body = string.format('{"conversationId":"talk-%d-%d","text":"%s"}', thread_id, conversation, q)
  return wrk.format(nil, "/api/v1/chat", nil, body)
end
