-- wrk script: the named queries' text POSTed as ad-hoc queries to PATH (first argument), round
-- robin, as the SPARQL protocol's direct POST (second argument "direct") or as an HTML form
-- ("form", query=..., for Virtuoso 7, which does not read a direct POST); the query files follow.
local path
local form
local bodies = {}
local i = 0

local function urlencode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function init(args)
  path = args[1]
  form = args[2] == "form"
  for k = 3, #args do
    local f = assert(io.open(args[k], "r"))
    local text = f:read("*a")
    f:close()
    bodies[#bodies + 1] = form and ("query=" .. urlencode(text)) or text
  end
end

function request()
  i = i % #bodies + 1
  local type = form and "application/x-www-form-urlencoded" or "application/sparql-query"
  return wrk.format("POST", path, { ["Content-Type"] = type, ["Accept"] = "application/sparql-results+json" }, bodies[i])
end

function done(summary, latency, requests)
  io.write(string.format("requests/s %.1f | p50 %.2f ms | p99 %.2f ms | errors %d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status + summary.errors.timeout + summary.errors.connect + summary.errors.read + summary.errors.write))
end
