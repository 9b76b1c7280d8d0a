-- Readers of the edge: each request takes the next of BENCH_PATHS (space-separated), and the
-- summary is wrk_report.lua's JSON line.
local paths = {}
for path in string.gmatch(os.getenv("BENCH_PATHS") or "/", "%S+") do
  table.insert(paths, path)
end
local next_path = 0

request = function()
  next_path = next_path % #paths + 1
  return wrk.format("GET", paths[next_path])
end

dofile(os.getenv("BENCH_REPORT_LUA"))
