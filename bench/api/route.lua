-- wrk script: POST one route request (Xi'an -> Duisburg, fixed departure) to /api/route, counting responses by
-- status class per thread; done() prints the totals ("status 2xx: N", "status 5xx: N", "status 429: N").
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"from": "Xian", "to": "Duisburg", "depart": "2026-03-03"}'

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  ok, too_many, server_errors, other = 0, 0, 0, 0
end

function response(status, headers, body)
  if status >= 200 and status < 300 then ok = ok + 1
  elseif status == 429 then too_many = too_many + 1
  elseif status >= 500 then server_errors = server_errors + 1
  else other = other + 1 end
end

function done(summary, latency, requests)
  local t = { ok = 0, too_many = 0, server_errors = 0, other = 0 }
  for _, thread in ipairs(threads) do
    for k, _ in pairs(t) do t[k] = t[k] + (thread:get(k) or 0) end
  end
  io.write(string.format("status 2xx: %d\nstatus 429: %d\nstatus 5xx: %d\nstatus other: %d\n", t.ok, t.too_many, t.server_errors, t.other))
end
