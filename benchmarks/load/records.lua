-- wrk script: GET requests on the records API (issue 12), one endpoint per run, the id changing at every request
-- so that no answer is served twice in a row (wrk ... -s records.lua URL -- <endpoint> <uid file> <scrutin count>):
--
--   votes-json  /api/v1/deputies/{uid}/votes?size=5000            a deputy's whole vote list, JSON
--   votes-csv   /api/v1/deputies/{uid}/votes?size=5000&format=csv the same as CSV
--   votes-page  /api/v1/deputies/{uid}/votes?page={p}              one page of a deputy's votes, JSON, the default
--                                                                  size (100), p over that deputy's pages
--   deputy      /api/v1/deputies/{uid}                            a deputy's profile and every figure
--   scrutin     /api/v1/scrutins/{n}                              a scrutin: result, groups, nominal lists
--   chart       /api/v1/scrutins/{n}/charts/groups.svg            a scrutin's result by group, SVG
--   votes-json-gz, votes-csv-gz, chart-gz                          the same three with Accept-Encoding: gzip
--                                                                  (the gzipped answer, kept once compressed)
--
-- The uid file holds the sitting deputies' uids, one a line (chat-load.sh --endpoints writes it
-- from /api/v1/deputies?status=sitting&format=csv), each optionally followed by a space and the number of pages of
-- their vote list at the default size (chat-load.sh adds it for votes-page: a page past the last is a 400);
-- votes-page takes only the deputies with at least one page. Scrutin numbers run over 1..count. No conditional header is
-- sent: every answer is a 200 with its body, never a 304.

local endpoint = "votes-json"
local uids = {}
local paged = {} -- {uid, pages} of the deputies with at least one page of votes
local scrutins = 3876
local counter = 0
thread_id = 0 -- set per thread by setup() below (a global, so that thread:set reaches it)

function setup(thread)
  thread:set("thread_id", math.random(1, 1000000000))
end

function init(args)
  endpoint = args[1] or endpoint
  for line in io.lines(args[2]) do
    local uid, pages = line:match("^(%S+)%s*(%d*)")
    if uid then
      uids[#uids + 1] = uid
      if tonumber(pages) and tonumber(pages) > 0 then paged[#paged + 1] = {uid, tonumber(pages)} end
    end
  end
  scrutins = tonumber(args[3] or scrutins)
  if #uids == 0 then error("no deputy uid in " .. tostring(args[2])) end
  if endpoint == "votes-page" and #paged == 0 then error("no page count in " .. tostring(args[2])) end
end

function request()
  counter = counter + 1
  local e = endpoint
  local headers = nil
  if e:sub(-3) == "-gz" then
    e = e:sub(1, -4)
    headers = {["Accept-Encoding"] = "gzip"}
  end
  local uid = uids[(counter * 31 + thread_id) % #uids + 1]
  local n = (counter * 7919 + thread_id) % scrutins + 1
  local path
  if e == "votes-json" then path = "/api/v1/deputies/" .. uid .. "/votes?size=5000"
  elseif e == "votes-page" then
    local d = paged[(counter * 31 + thread_id) % #paged + 1]
    path = "/api/v1/deputies/" .. d[1] .. "/votes?page=" .. ((counter * 7 + thread_id) % d[2] + 1)
  elseif e == "votes-csv" then path = "/api/v1/deputies/" .. uid .. "/votes?size=5000&format=csv"
  elseif e == "deputy" then path = "/api/v1/deputies/" .. uid
  elseif e == "scrutin" then path = "/api/v1/scrutins/" .. n
  elseif e == "chart" then path = "/api/v1/scrutins/" .. n .. "/charts/groups.svg"
  else error("unknown endpoint '" .. endpoint .. "'") end
  return wrk.format("GET", path, headers)
end
