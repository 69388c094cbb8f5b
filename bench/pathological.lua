-- wrk script: ad-hoc queries that no endpoint should let run away (cross product, unbounded path).
local queries = {
  "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
  "SELECT ?a ?z WHERE { ?a (!<urn:x:none>)* ?z . ?c ?d ?e }",
}
local i = 0

function request()
  i = i % #queries + 1
  return wrk.format("POST", "/dgov/sparql", { ["Content-Type"] = "application/sparql-query" }, queries[i])
end

function done(summary, latency, requests)
  io.write(string.format("pathological: %d requests (%.1f/s), answered with an error status: %d\n", summary.requests, summary.requests / (summary.duration / 1e6), summary.errors.status))
end
