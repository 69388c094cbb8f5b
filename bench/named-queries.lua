-- wrk script: each request asks for the results of one named query, round robin, through the
-- vetted lane /queries/{name} (the names are passed as arguments after --).
local names = {}
local i = 0

function init(args)
  for _, name in ipairs(args) do names[#names + 1] = name end
end

function request()
  i = i % #names + 1
  return wrk.format("GET", "/queries/" .. names[i], { ["Accept"] = "application/sparql-results+json" })
end

function done(summary, latency, requests)
  io.write(string.format("requests/s %.1f | p50 %.1f ms | p99 %.1f ms | errors %d (status %d, timeouts %d, connect %d)\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status + summary.errors.timeout + summary.errors.connect + summary.errors.read + summary.errors.write,
    summary.errors.status, summary.errors.timeout, summary.errors.connect))
end
