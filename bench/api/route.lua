-- wrk script: POST one route request (Xi'an -> Duisburg, fixed departure) to /api/route.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"from": "Xian", "to": "Duisburg", "depart": "2026-03-03"}'
