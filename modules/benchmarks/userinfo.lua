-- wrk script: GET /userinfo with a user's access token (BENCH_USER_TOKEN) as the bearer token.
-- From the environment, so nothing secret is written to disk. Used by run.sh.
wrk.method = "GET"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_USER_TOKEN")
