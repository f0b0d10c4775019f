-- wrk script: POSTs the GraphQL body in $BODY_FILE with the bearer tokens in $TOKENS_FILE, one after another, and
-- counts as an error every answer that is not 200 or carries GraphQL "errors". Prints one RESULT line at the end.
local function read(path)
  local file = assert(io.open(path, "r"))
  local text = file:read("*a")
  file:close()
  return text
end

local body = read(os.getenv("BODY_FILE"))
local tokens = {}
for line in io.lines(os.getenv("TOKENS_FILE")) do
  tokens[#tokens + 1] = line
end

local threads = {}

function setup(thread)
  threads[#threads + 1] = thread
  thread:set("offset", #threads)
end

function init(_)
  sent = offset
  errors = 0
end

function request()
  sent = sent + 1
  return wrk.format("POST", "/graphql", {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. tokens[(sent % #tokens) + 1],
  }, body)
end

function response(status, _, answer)
  if status ~= 200 or string.find(answer, '"errors"', 1, true) then
    errors = errors + 1
  end
end

function done(summary, latency, _)
  local failed = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  for _, thread in ipairs(threads) do
    failed = failed + thread:get("errors")
  end
  io.write(string.format("RESULT tps=%.0f p50_ms=%.2f p99_ms=%.2f errors=%d requests=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    failed, summary.requests))
end
