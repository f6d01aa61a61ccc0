-- wrk script: POST /introspect of one valid access JWT (BENCH_ACCESS_TOKEN), client_secret_basic
-- (BENCH_AUTHORIZATION, the token's own client). From the environment, so nothing secret is
-- written to disk. Used by run.sh.
wrk.method = "POST"
wrk.body = "token=" .. os.getenv("BENCH_ACCESS_TOKEN")
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Authorization"] = os.getenv("BENCH_AUTHORIZATION")
