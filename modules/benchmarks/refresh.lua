-- wrk script: POST /token, grant_type=refresh_token with rotation, client_secret_basic. Every
-- request presents a refresh token that the server issued and nobody used yet: each thread keeps
-- a pool of tokens (one per refresh-token family), takes one per request and puts back the
-- successor its response returns, so every family is rotated in turn, as a client would.
-- BENCH_REFRESH_TOKENS names the pool file (one token a line, shared among BENCH_WRK_THREADS
-- threads); at the end, the tokens not in flight are written back to it for the next run (a
-- request in flight when wrk stops uses its token up unseen). The Authorization header value
-- comes from BENCH_AUTHORIZATION, so no secret is written to disk. Used by run.sh.
local pool_file = os.getenv("BENCH_REFRESH_TOKENS")
local thread_count = tonumber(os.getenv("BENCH_WRK_THREADS") or "1")
local threads = {}

function setup(thread)
  thread:set("index", #threads)
  table.insert(threads, thread)
end

function init(args)
  tokens = {}
  local n = 0
  for line in io.lines(pool_file) do
    if line ~= "" then
      if n % thread_count == index then table.insert(tokens, line) end
      n = n + 1
    end
  end
  headers = {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Authorization"] = os.getenv("BENCH_AUTHORIZATION"),
  }
end

function request()
  -- an empty pool (more connections than families) sends a token the server refuses: counted as non-2xx
  local token = table.remove(tokens, 1) or "pool-exhausted"
  return wrk.format("POST", nil, headers, "grant_type=refresh_token&refresh_token=" .. token)
end

function response(status, headers, body)
  if status == 200 then
    local successor = body:match('"refresh_token"%s*:%s*"([^"]+)"')
    if successor then table.insert(tokens, successor) end
  end
end

function done(summary, latency, requests)
  local out = assert(io.open(pool_file, "w"))
  for _, thread in ipairs(threads) do
    for _, token in ipairs(thread:get("tokens")) do out:write(token, "\n") end
  end
  out:close()
end
