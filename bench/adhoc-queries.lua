-- wrk script: the named queries' text POSTed as ad-hoc queries to PATH (first argument), round
-- robin; the query files follow as further arguments.
local path
local bodies = {}
local i = 0

function init(args)
  path = args[1]
  for k = 2, #args do
    local f = assert(io.open(args[k], "r"))
    bodies[#bodies + 1] = f:read("*a")
    f:close()
  end
end

function request()
  i = i % #bodies + 1
  return wrk.format("POST", path, { ["Content-Type"] = "application/sparql-query", ["Accept"] = "application/sparql-results+json" }, bodies[i])
end

function done(summary, latency, requests)
  io.write(string.format("requests/s %.1f | p50 %.2f ms | p99 %.2f ms | errors %d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status + summary.errors.timeout + summary.errors.connect + summary.errors.read + summary.errors.write))
end
