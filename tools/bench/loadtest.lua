-- `manage.py loadtest`: a realistic mix of public addresses (LOADTEST_PATHS, space
-- separated), answers counted by status, and the summary as one JSON line.
local paths = {}
for path in string.gmatch(os.getenv("LOADTEST_PATHS") or "/", "%S+") do
  table.insert(paths, path)
end
local threads = {}

setup = function(thread)
  table.insert(threads, thread)
end

init = function(args)
  statuses = {}
  cache = {hit = 0, miss = 0}
  math.randomseed(os.time() + math.random(1000))
end

request = function()
  return wrk.format("GET", paths[math.random(#paths)])
end

response = function(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  local served = headers["X-Cache"] or headers["x-cache"]
  if served == "hit" or served == "miss" then
    cache[served] = cache[served] + 1
  end
end

done = function(summary, latency, requests)
  local totals, hits, misses = {}, 0, 0
  for _, thread in ipairs(threads) do
    local counted = thread:get("cache")
    hits, misses = hits + counted.hit, misses + counted.miss
    for status, count in pairs(thread:get("statuses")) do
      totals[status] = (totals[status] or 0) + count
    end
  end
  local parts = {}
  for status, count in pairs(totals) do
    table.insert(parts, string.format('"%d": %d', status, count))
  end
  local errors = summary.errors
  io.write(string.format(
    'LOADTEST_JSON {"requests": %d, "duration_us": %d, "p50_us": %d, "p95_us": %d, '
      .. '"p99_us": %d, "socket_errors": %d, "cache_hits": %d, "cache_misses": %d, '
      .. '"statuses": {%s}}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), errors.connect + errors.read + errors.write + errors.timeout,
    hits, misses, table.concat(parts, ", ")
  ))
end
